"""Run a project's program in a child process on the mock engine; enforce the timeout; read what it registered."""

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from residency.files import write_atomically
from residency.gate.project import Project
from residency.model.errors import ResidencyConfigError

STATE_DIR = ".residency/state"


class ProgramError(ResidencyConfigError):
    """The program could not be run to completion; the message is the one line to show."""

    def __init__(self, message: str) -> None:
        super().__init__("program", message)


@dataclass
class ProgramRun:
    resources: list[dict[str, Any]]
    outputs: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def load_references(project: Project) -> dict[str, Any]:
    """Last offline outputs of every stack of this project, for StackReferences."""
    refs: dict[str, Any] = {}
    state = project.directory / STATE_DIR
    for path in sorted(state.glob("*.json")) if state.is_dir() else []:
        try:
            refs[path.stem] = json.loads(path.read_text()).get("outputs", {})
        except (OSError, json.JSONDecodeError):
            continue  # a broken state file is the same as none: outputs become unknown, with a note
    return refs


def save_outputs(project: Project, outputs: dict[str, Any], resources: list[dict[str, Any]]) -> None:
    write_atomically(
        project.directory / STATE_DIR / f"{project.stack}.json",
        json.dumps({"stack": project.stack, "outputs": outputs, "resources": resources}, default=str),
    )


def run_program(project: Project, timeout: float, references: dict[str, Any] | None = None) -> ProgramRun:
    with tempfile.TemporaryDirectory(prefix="residency-run-") as tmp:
        tmpdir = Path(tmp)
        request = {
            "programDir": str(project.program_dir),
            "main": project.main_file,
            "project": project.name,
            "stack": project.stack,
            "config": project.engine_config(),
            "secretKeys": list(project.secret_keys),
            "references": references if references is not None else load_references(project),
            "progressFile": str(tmpdir / "progress"),
        }
        (tmpdir / "request.json").write_text(json.dumps(request))
        result_path = tmpdir / "result.json"
        cmd = [sys.executable, "-m", "residency.gate.program_runner", str(tmpdir / "request.json"), str(result_path)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            lines = (tmpdir / "progress").read_text().splitlines() if (tmpdir / "progress").exists() else []
            last = f"; last resource registered: {lines[-1]}" if lines else "; no resource was registered"
            raise ProgramError(f"the program did not finish within {timeout:g} s{last}") from None
        if not result_path.exists():
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            raise ProgramError(f"the program runner crashed: {tail}")
        result = json.loads(result_path.read_text())
    if result.get("error"):
        raise ProgramError(result["error"])
    _refuse_duplicate_urns(result["resources"])
    return ProgramRun(result["resources"], result.get("outputs", {}), result.get("notes", []))


def _refuse_duplicate_urns(records: list[dict[str, Any]]) -> None:
    """The engine refuses a second registration of one URN; so does the gate (reads may repeat a URN)."""
    seen: set[str] = set()
    for record in records:
        if record.get("read"):
            continue
        if record["urn"] in seen:
            raise ProgramError(f"duplicate resource URN {record['urn']}: give each resource a unique name")
        seen.add(record["urn"])
