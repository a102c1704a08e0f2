"""Hostile programs: a background child, a flood of output, a hang. Each ends promptly with the contract's exit."""

import subprocess
import time
from pathlib import Path

from tests.cli import run_cli
from tests.gate.projects import POLICY_PACK, write_project

BACKGROUND = """
import subprocess, sys
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])  # inherits the runner's pipes
aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))
"""

FLOOD = """
import sys
for _ in range(20000):
    print("x" * 200)
    print("y" * 200, file=sys.stderr)
aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))
"""

HANG = """
import time
first = aws.s3.Bucket("first", tags={"data-class": "analytics"}, opts=opts(JKT))
first.id.apply(lambda _: time.sleep(3600))  # hangs once the registration has been answered
"""


def _preview(root: Path, timeout: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    done = run_cli("preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--timeout", timeout)
    return done, time.monotonic() - start


def test_a_background_child_does_not_hold_the_preview(tmp_path: Path) -> None:
    done, elapsed = _preview(write_project(tmp_path, BACKGROUND), "120")
    assert done.returncode in (0, 1), done.stderr
    assert "aws:s3/bucket:Bucket" in done.stdout
    assert elapsed < 100  # the runner is waited on, not its inherited pipes


def test_a_program_that_floods_its_output_still_previews(tmp_path: Path) -> None:
    done, _ = _preview(write_project(tmp_path, FLOOD), "120")  # 8 MB on each stream
    assert done.returncode in (0, 1), done.stderr[-300:]
    assert "Traceback" not in done.stderr


def test_a_hanging_program_is_one_line_naming_the_last_resource(tmp_path: Path) -> None:
    done, elapsed = _preview(write_project(tmp_path, HANG), "10")
    assert done.returncode == 2 and elapsed < 60
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(
        "error: program: the program did not finish within 10 s; last resource registered: urn:pulumi:dev::sample::"
    )


def test_sys_exit_zero_is_a_finished_program_and_any_other_code_an_error(tmp_path: Path) -> None:
    done, _ = _preview(write_project(tmp_path / "zero", "trail()\nimport sys\nsys.exit(0)\n"), "60")
    assert done.returncode == 0, done.stderr
    done, _ = _preview(write_project(tmp_path / "three", "import sys\nsys.exit(3)\n"), "60")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: program: the program exited with code 3 (at __main__.py:")


def test_a_thread_the_program_leaves_running_does_not_hold_the_preview(tmp_path: Path) -> None:
    program = "import threading, time\nthreading.Thread(target=lambda: time.sleep(600)).start()\ntrail()\n"
    done, elapsed = _preview(write_project(tmp_path, program), "60")
    assert done.returncode == 0, done.stderr
    assert elapsed < 50
