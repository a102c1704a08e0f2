"""Who produced an archived diff, from what, and when: tool version, date, git commit, stacks, input digests."""

import hashlib
import subprocess
from pathlib import Path

from residency import __version__
from residency.diff.compare import ResidencyDiff
from residency.model.clock import today


def digest(source: str) -> str:
    path = Path(source)
    try:
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "not a readable file"


def git_commit(directory: Path = Path(".")) -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=directory, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown (git not available)"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown (not a git checkout)"


def metadata(diff: ResidencyDiff) -> list[tuple[str, str]]:
    return [
        ("Tool", f"residency {__version__}"),
        ("Date", today().isoformat()),
        ("Git commit", git_commit()),
        (
            "Before",
            f"{diff.before.source} ({diff.before.kind}{_stack(diff.before.stack)}), {digest(diff.before.source)}",
        ),
        ("After", f"{diff.after.source} ({diff.after.kind}{_stack(diff.after.stack)}), {digest(diff.after.source)}"),
    ]


def _stack(stack: str | None) -> str:
    return f", stack {stack}" if stack else ""
