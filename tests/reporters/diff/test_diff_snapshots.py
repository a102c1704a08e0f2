"""The diff reporters rendered from checked-in gate plans into golden files (UPDATE_SNAPSHOTS=1 rewrites)."""

import os
from pathlib import Path

import pytest

from residency.diff.compare import ResidencyDiff, compare
from residency.diff.readers import read_pair
from residency.reporters.diff import DIFF_REPORTERS

REPO = Path(__file__).parents[3]
SNAPSHOTS = Path(__file__).parent / "snapshots"


def plan_diff(name: str) -> ResidencyDiff:
    plans = Path("tests/fixtures/plans")
    return compare(*read_pair(plans / f"{name}-before.json", plans / f"{name}-after.json"))


@pytest.mark.parametrize("fmt", ["markdown", "json", "text", "html"])
@pytest.mark.parametrize("name", ["replication", "protection"])
def test_diff_snapshot(fmt: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr("residency.reporters.diff.metadata.git_commit", lambda *_: "0" * 40)
    rendered = DIFF_REPORTERS[fmt](plan_diff(name))
    path = SNAPSHOTS / f"{name}.{fmt}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered)
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            pytest.fail(f"snapshot {path.name} was missing and has been written; review and commit it")
    assert rendered == path.read_text()


def test_markdown_has_a_mermaid_flow_with_the_new_edge_highlighted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    md = DIFF_REPORTERS["markdown"](plan_diff("replication"))
    assert "```mermaid\nflowchart LR" in md
    assert 'r_ap_southeast_3 ==>|"customer-pii (new)"| r_ap_southeast_1' in md
    assert "linkStyle 0 stroke:#d00" in md
    assert md.index("| Data moved or placed in a new region |") < md.index("<details>")
