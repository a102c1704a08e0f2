"""The CI kit: the action, the example workflow and the pre-commit hook validate against their published schemas,
and the action's gate step, run as GitHub would run it, writes every report and the step summary."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.gate.projects import write_project

REPO = Path(__file__).parents[1]
SCHEMAS = REPO / "tests" / "fixtures" / "schemas"


def _yaml(path: Path) -> Any:
    # YAML 1.1 reads the workflow key `on` as True; GitHub reads it as the string "on".
    doc = yaml.safe_load(path.read_text())
    if isinstance(doc, dict) and True in doc:
        doc["on"] = doc.pop(True)
    return doc


@pytest.mark.parametrize(
    ("file", "schema"),
    [
        ("action.yml", "github-action.json"),
        (".github/workflows/residency.yml", "github-workflow.json"),
        (".pre-commit-hooks.yaml", "pre-commit-hooks.json"),
    ],
)
def test_validates_against_its_published_schema(file: str, schema: str) -> None:
    jsonschema.validate(_yaml(REPO / file), json.loads((SCHEMAS / schema).read_text()))


def test_the_workflow_runs_the_gate_on_pull_requests_with_the_permissions_it_needs() -> None:
    workflow = _yaml(REPO / ".github/workflows/residency.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "security-events": "write", "pull-requests": "write"}
    steps = workflow["jobs"]["gate"]["steps"]
    assert any(step.get("uses") == "./" for step in steps)


def test_the_gitlab_template_keeps_every_report_as_an_artifact() -> None:
    job = yaml.safe_load((REPO / "ci/residency.gitlab-ci.yml").read_text())["residency-gate"]
    assert job["artifacts"]["when"] == "always" and "junit" in job["artifacts"]["reports"]
    assert "--report junit=residency-junit.xml" in " ".join(job["script"])


def _gate_step() -> dict[str, Any]:
    steps = _yaml(REPO / "action.yml")["runs"]["steps"]
    return next(s for s in steps if s.get("id") == "gate")


@pytest.mark.parametrize(("program", "code"), [('bucket("b", "customer-pii", SIN)', "1"), ("raise SystemExit(3)", "2")])
def test_the_gate_step_writes_reports_and_the_summary_whatever_the_outcome(
    tmp_path: Path, program: str, code: str
) -> None:
    root = write_project(tmp_path / "project", program)
    out, output, summary = tmp_path / "out", tmp_path / "github_output", tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "STACKS": "",
        "PACK_CONFIG": "",
        "OUT": str(out),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    subprocess.run(["bash", "-c", _gate_step()["run"]], cwd=root, env=env, check=True, timeout=600)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert outputs["exit-code"] == code
    for name in ("residency.sarif", "residency.md", "residency-junit.xml", "residency.json"):
        assert (out / name).stat().st_size > 0
    assert "Residency gate" in summary.read_text()
