"""`residency diff` as CI and auditors run it: formats, --out, --fail-on, and one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gate.projects import REPO

PLANS = REPO / "tests" / "fixtures" / "plans"
FORMATS = REPO / "tests" / "fixtures" / "pulumi-formats"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "residency", "diff", *args],
        capture_output=True,
        text=True,
        env={"RESIDENCY_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize(
    ("name", "fail_on", "code"),
    [
        ("replication", "mandatory", 0),
        ("replication", "advisory", 1),
        ("replication", "never", 0),
        ("protection", "mandatory", 1),
        ("protection", "never", 0),
    ],
)
def test_fail_on(name: str, fail_on: str, code: int) -> None:
    proc = run(str(PLANS / f"{name}-before.json"), str(PLANS / f"{name}-after.json"), "--fail-on", fail_on)
    assert proc.returncode == code, proc.stderr


def test_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "report" / "diff.json"
    proc = run(
        str(PLANS / "protection-before.json"),
        str(PLANS / "protection-after.json"),
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert proc.stdout == ""
    doc = json.loads(out.read_text())
    assert doc["verdict"]["newMandatoryViolations"] == 1 and doc["protections"][0]["weakened"] is True


def test_single_preview_file() -> None:
    proc = run(str(FORMATS / "stratify__sample-preview-update.json"), "--format", "text")
    assert proc.returncode == 0 and "No data moves" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.json", "other.json"], "missing.json: file not found"),
        ([str(FORMATS / "stratify__sample-export.json")], "BEFORE may be omitted only for `pulumi preview --json`"),
        ([str(FORMATS / "README.md"), str(FORMATS / "stratify__sample-export.json")], "README.md: is not JSON"),
    ],
)
def test_unreadable_input_is_one_line_exit_2(args: list[str], message: str) -> None:
    proc = run(*args)
    assert proc.returncode == 2 and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_three_paths_is_a_usage_error() -> None:
    proc = run("a", "b", "c")
    assert proc.returncode == 2 and "BEFORE AFTER" in proc.stderr
