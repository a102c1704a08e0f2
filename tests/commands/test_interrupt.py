"""Ctrl-C: exit 130, one line, no traceback, no partial output, no process left behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.server import fault_server
from tests.gate.projects import POLICY_PACK, write_project

HANG = """
import os, time
open("runner.pid", "w").write(str(os.getpid()))
b = aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))
b.id.apply(lambda _: time.sleep(3600))
"""


def _interrupt(
    args: list[str], after: float, env: dict[str, str] | None = None, signum: int = signal.SIGINT
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "residency", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    time.sleep(after)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_ctrl_c_during_a_preview(tmp_path: Path) -> None:
    root = write_project(tmp_path / "interrupted-project", HANG)
    plan = tmp_path / "plan.json"
    done = _interrupt(
        ["preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--out", str(plan)], after=6
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "interrupted"
    assert not plan.exists() and list(tmp_path.glob(".plan.json.*")) == []
    runner = int((root / "runner.pid").read_text())
    time.sleep(1)
    try:
        os.kill(runner, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive  # the program runner is gone with its process group


def test_ctrl_c_during_an_audit(tmp_path: Path) -> None:
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    out = tmp_path / "audit.json"
    with fault_server("html-200", delay=30) as endpoint:
        done = _interrupt(
            ["audit", "--endpoint-url", endpoint, "--regions", "ap-southeast-3", "--out", str(out)], after=3, env=env
        )
    assert done.returncode == 130 and done.stderr.strip() == "interrupted", done.stderr
    assert not out.exists()


def test_ctrl_c_while_the_command_is_still_importing() -> None:
    """The CLI's imports take a moment; a Ctrl-C then was a KeyboardInterrupt traceback from some library module
    and exit -2. The signal is sent from inside the child so that it lands during the imports, not before them."""
    child = (
        "import os, runpy, signal, sys, threading\n"
        "sys.argv = ['residency', '--version']\n"
        "threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()\n"
        "runpy.run_module('residency', run_name='__main__')\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (130, "interrupted\n")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_during_a_preview_cleans_up_like_ctrl_c(tmp_path: Path, signum: int, code: int) -> None:
    """A cancelled CI job or `timeout` sends SIGTERM: Python's default killed the gate on the spot, leaving the
    program runner (and the pack) running, with no line on stderr."""
    root = write_project(tmp_path / "terminated-project", HANG)
    plan = tmp_path / "plan.json"
    done = _interrupt(
        ["preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--out", str(plan)],
        after=6,
        signum=signum,
    )
    assert done.returncode == code, done.stderr
    assert done.stderr.strip() == f"terminated ({signal.Signals(signum).name})"
    assert not plan.exists() and list(tmp_path.glob(".plan.json.*")) == []
    runner = int((root / "runner.pid").read_text())
    time.sleep(1)
    with pytest.raises(ProcessLookupError):
        os.kill(runner, 0)


def test_sigterm_during_an_audit_writes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    out = tmp_path / "audit.json"
    with fault_server("html-200", delay=30) as endpoint:
        done = _interrupt(
            ["audit", "--endpoint-url", endpoint, "--regions", "ap-southeast-3", "--out", str(out)],
            after=3,
            env=env,
            signum=signal.SIGTERM,
        )
    assert done.returncode == 143 and done.stderr.strip() == "terminated (SIGTERM)", done.stderr
    assert not out.exists()
