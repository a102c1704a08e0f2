"""Run a project's program in a child process on the mock engine; enforce the timeout; read what it registered."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from residency.gate.project import Project
from residency.model.errors import ResidencyConfigError

STACK_REFERENCE = "pulumi:pulumi:StackReference"


class ProgramError(ResidencyConfigError):
    """The program could not be run to completion; the message is the one line to show."""

    def __init__(self, message: str) -> None:
        super().__init__("program", message)


@dataclass
class ProgramRun:
    resources: list[dict[str, Any]]
    outputs: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    @property
    def referenced(self) -> list[str]:
        """The stack names the program's StackReferences asked for."""
        return sorted(
            {str(r["inputs"].get("name") or r["name"]) for r in self.resources if r["type"] == STACK_REFERENCE}
        )


def run_program(project: Project, timeout: float, references: dict[str, Any] | None = None) -> ProgramRun:
    """Run one stack's program; `references` are other stacks' outputs by name (nothing else is consulted)."""
    with tempfile.TemporaryDirectory(prefix="residency-run-") as tmp:
        tmpdir = Path(tmp)
        request = {
            "programDir": str(project.program_dir),
            "main": project.main_file,
            "project": project.name,
            "stack": project.stack,
            "config": project.engine_config(),
            "secretKeys": list(project.secret_keys),
            "references": references or {},
            "progressFile": str(tmpdir / "progress"),
        }
        (tmpdir / "request.json").write_text(json.dumps(request))
        result_path = tmpdir / "result.json"
        cmd = [sys.executable, "-m", "residency.gate.engine.child", str(tmpdir / "request.json"), str(result_path)]
        finished = _run_runner(cmd, tmpdir, timeout)
        if not finished:
            lines = (tmpdir / "progress").read_text().splitlines() if (tmpdir / "progress").exists() else []
            last = f"; last resource registered: {lines[-1]}" if lines else "; no resource was registered"
            raise ProgramError(f"the program did not finish within {timeout:g} s{last}")
        if not result_path.exists():
            said = (tmpdir / "stderr").read_text(errors="replace").strip().splitlines()
            raise ProgramError(f"the program runner crashed: {said[-1] if said else 'no output'}")
        try:
            result = json.loads(result_path.read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise ProgramError(f"the program runner wrote no readable result ({exc})") from None
    if result.get("error"):
        raise ProgramError(result["error"])
    _refuse_duplicate_urns(result["resources"])
    # Registrations arrive in whatever order the program's coroutines finish; sorted, one input gives one output.
    resources = sorted(result["resources"], key=lambda r: (r["urn"], bool(r.get("read"))))
    return ProgramRun(resources, result.get("outputs", {}), sorted(set(result.get("notes", []))))


def _run_runner(cmd: list[str], tmpdir: Path, timeout: float) -> bool:
    """Wait for the runner process itself, never for its pipes: a background child the program leaves behind
    keeps pipes open but must not keep the gate waiting. Output goes to files, so no amount of it can block.
    The runner gets its own process group, ended afterwards with everything the program started."""
    with open(tmpdir / "stdout", "wb") as out, open(tmpdir / "stderr", "wb") as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _refuse_duplicate_urns(records: list[dict[str, Any]]) -> None:
    """The engine refuses a second registration of one URN; so does the gate (reads may repeat a URN)."""
    seen: set[str] = set()
    for record in records:
        if record.get("read"):
            continue
        if record["urn"] in seen:
            raise ProgramError(f"duplicate resource URN {record['urn']}: give each resource a unique name")
        seen.add(record["urn"])
