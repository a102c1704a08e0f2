"""Every preview finding points at the program line behind it, relative to the repository root."""

import json
import subprocess
from pathlib import Path

import jsonschema

from residency.reporters import github, sarif
from tests.gate.projects import preview, write_project

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif-2.1.0-schema.json").read_text())

COMPONENT = """
import pulumi
import pulumi_aws as aws


class Store(pulumi.ComponentResource):
    def __init__(self, name, provider):
        super().__init__("acme:index:Store", name)
        aws.s3.Bucket(f"{name}-bucket", tags={"data-class": "biometric"},
                      opts=pulumi.ResourceOptions(parent=self, provider=provider))
"""

PROGRAM = """
from store import Store

Store("far", SIN)
aws.s3.Bucket("near", tags={"data-class": "customer-pii"}, opts=opts(SIN))
"""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    root = write_project(repo / "infra" / "app", PROGRAM)
    (root / "store.py").write_text(COMPONENT)
    return repo


def _line_text(repo: Path, location: dict[str, object]) -> str:
    physical = location["physicalLocation"]
    assert isinstance(physical, dict)
    uri, line = physical["artifactLocation"]["uri"], physical["region"]["startLine"]
    assert isinstance(uri, str) and isinstance(line, int)
    return (repo / uri).read_text().splitlines()[line - 1]


def test_sarif_validates_and_points_at_existing_lines_from_the_repository_root(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    result = preview(repo / "infra" / "app")
    doc = json.loads(sarif.render(result))
    jsonschema.validate(doc, SCHEMA)
    placed = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].rsplit("::", 1)[1]: r
        for r in doc["runs"][0]["results"]
        if r["ruleId"] == "restrict-data-class-region"
    }
    assert set(placed) == {"far-bucket", "near"}
    near = placed["near"]["locations"][0]
    assert near["physicalLocation"]["artifactLocation"]["uri"] == "infra/app/__main__.py"
    assert 'aws.s3.Bucket("near"' in _line_text(repo, near)
    far = placed["far-bucket"]
    assert 'Store("far", SIN)' in _line_text(repo, far["locations"][0])
    assert "aws.s3.Bucket(" in _line_text(repo, far["relatedLocations"][0])
    for r in doc["runs"][0]["results"]:  # every result has a line (GH1003), in a file that exists
        _line_text(repo, r["locations"][0])


def test_github_annotations_carry_file_and_line(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = github.render(preview(repo / "infra" / "app"))
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert errors and all(",line=" in e and "file=infra/app/" in e for e in errors)
