"""`--report FORMAT=PATH`: one report that cannot be written does not stop the others, and is one plain line."""

from pathlib import Path

import pytest
from click.testing import CliRunner

import residency.reporters.report_files as report_files
from residency.cli import cli
from residency.files import write_atomically
from tests.gate.projects import POLICY_PACK, write_project


@pytest.fixture
def full_for_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    """A nearly full disk: the (large) SARIF report does not fit, the others do."""

    def write(path: Path, text: str) -> None:
        if path.suffix == ".sarif":
            import os

            def no_space(fd: int) -> None:
                raise OSError(28, "No space left on device")

            with pytest.MonkeyPatch.context() as inner:
                inner.setattr(os, "fsync", no_space)
                write_atomically(path, text)
        else:
            write_atomically(path, text)

    monkeypatch.setattr(report_files, "write_atomically", write)


@pytest.mark.usefixtures("full_for_sarif")
@pytest.mark.parametrize("program", ['bucket("b", "customer-pii", JKT)', "raise RuntimeError('boom')"])
def test_one_unwritable_report_is_one_line_and_the_others_are_written(tmp_path: Path, program: str) -> None:
    root = write_project(tmp_path / "p", program)
    args = ["preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK)]
    for fmt in ("sarif", "junit", "markdown", "json"):
        args += ["--report", f"{fmt}={tmp_path / ('out.' + fmt)}"]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and "internal error" not in line
    if "boom" not in program:
        assert line == f"error: {tmp_path / 'out.sarif'}: cannot be written: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.json", "out.junit", "out.markdown"]
