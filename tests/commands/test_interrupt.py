"""Ctrl-C: exit 130, one line, no traceback, no partial output, no process left behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.faults.server import fault_server
from tests.gate.projects import POLICY_PACK, write_project

HANG = """
import os, time
open("runner.pid", "w").write(str(os.getpid()))
b = aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))
b.id.apply(lambda _: time.sleep(3600))
"""


def _interrupt(args: list[str], after: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "residency", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
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
