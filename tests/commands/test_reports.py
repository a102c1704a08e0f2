"""`--report FORMAT=PATH`: several formats from one run, all written even when the run fails; `--quiet`."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from residency.cli import cli
from tests.gate.projects import POLICY_PACK, write_project

SARIF_SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif-2.1.0-schema.json").read_text())


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _reports(tmp_path: Path) -> list[str]:
    return [f"{fmt}={tmp_path / ('out.' + fmt)}" for fmt in ("sarif", "junit", "markdown", "json")]


def _args(root: Path, tmp_path: Path) -> list[str]:
    args = ["preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK)]
    for spec in _reports(tmp_path):
        args += ["--report", spec]
    return args


def test_one_run_writes_every_requested_report(tmp_path: Path) -> None:
    import jsonschema

    root = write_project(tmp_path / "p", 'bucket("b", "customer-pii", SIN)')
    code, out, _ = _invoke(*_args(root, tmp_path), "--quiet")
    assert code == 1
    assert out.splitlines()[-1].startswith("BLOCKED") and all(line.startswith("[") for line in out.splitlines()[:-1])
    jsonschema.validate(json.loads((tmp_path / "out.sarif").read_text()), SARIF_SCHEMA)
    assert ET.fromstring((tmp_path / "out.junit").read_text().split("?>", 1)[1]).find("testsuite") is not None
    assert "Residency gate" in (tmp_path / "out.markdown").read_text()
    assert json.loads((tmp_path / "out.json").read_text())["violations"]


def test_a_failed_run_still_writes_every_report_saying_why(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", "raise RuntimeError('boom')")
    code, _, err = _invoke(*_args(root, tmp_path))
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    invocation = sarif["runs"][0]["invocations"][0]
    assert (
        invocation["executionSuccessful"] is False
        and "boom" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    )
    suite = ET.fromstring((tmp_path / "out.junit").read_text().split("?>", 1)[1]).find("testsuite")
    assert suite is not None and suite.get("errors") == "1"
    assert "could not run" in (tmp_path / "out.markdown").read_text()
    assert "boom" in json.loads((tmp_path / "out.json").read_text())["error"]


def test_a_bad_report_spec_is_exit_2_naming_the_formats(tmp_path: Path) -> None:
    code, _, err = _invoke("preview", "-s", "dev", "--report", "pdf=x.pdf")
    assert code == 2 and "--report: unknown format 'pdf'; allowed: github, json, junit, markdown, sarif, text" in err


def test_two_reports_to_one_path_are_refused_before_the_run(tmp_path: Path) -> None:
    """The SARIF was silently replaced by the JSON written after it: the upload step got the wrong format."""
    root = write_project(tmp_path / "p", 'aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))\n')
    same = tmp_path / "report"
    code, _, err = _invoke(
        "preview", "-s", "dev", "-C", str(root), "--report", f"sarif={same}", "--report", f"json={same}"
    )
    assert code == 2
    assert (
        err
        == f"error: --report json: writes {same}, which --report sarif writes too; allowed: a separate file for each output\n"
    )
    assert not same.exists()


def test_a_plan_and_a_report_to_one_path_are_refused(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", 'aws.s3.Bucket("b", tags={"data-class": "analytics"}, opts=opts(JKT))\n')
    same = tmp_path / "plan.json"
    code, _, err = _invoke("preview", "-s", "dev", "-C", str(root), "--out", str(same), "--report", f"json={same}")
    assert code == 2
    assert err.startswith(f"error: --out (dev): writes {same}, which --report json writes too")
