"""The auditor's first question: what the organisation agreed to, under which SCC, and what now leaves Indonesia."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from residency.diff.compare import compare
from residency.diff.readers import read_pair
from residency.reporters.diff import DIFF_REPORTERS
from residency.reporters.diff.html import svg

PLANS = Path(__file__).parents[1] / "fixtures" / "plans"


def _id_only(tmp_path: Path) -> Path:
    doc: dict[str, Any] = json.loads((PLANS / "replication-before.json").read_text())
    doc["settings"]["residency:org"] = {"dataResidency": "ID-only"}
    path = tmp_path / "before-id-only.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def opted_in(tmp_path: Path) -> Any:
    return compare(*read_pair(_id_only(tmp_path), PLANS / "replication-after.json"))


@pytest.mark.parametrize("fmt", ["markdown", "text", "html", "json"])
def test_every_format_opens_with_the_posture_change(opted_in: Any, fmt: str) -> None:
    out = DIFF_REPORTERS[fmt](opted_in)
    for needle in ("dataResidency", "ID-only", "ID-SG", "SCC-2026-014", "2028-06-30"):
        assert needle in out, needle
    if fmt != "json":
        assert out.index("dataResidency") < out.index("Data moved or placed")


def test_the_headline_says_what_leaves_and_under_which_scc(opted_in: Any) -> None:
    md = DIFF_REPORTERS["markdown"](opted_in)
    assert "customer-pii: now copied to Singapore · SG (sg-sin-1) under SCC-2026-014, expires 2028-06-30" in md


def test_a_copy_no_scc_covers_says_so(tmp_path: Path) -> None:
    doc = json.loads((PLANS / "replication-after.json").read_text())
    doc["settings"]["residency:org"] = {"dataResidency": "ID-only"}
    after = tmp_path / "after-id-only.json"
    after.write_text(json.dumps(doc))
    diff = compare(*read_pair(PLANS / "replication-before.json", after))
    text = DIFF_REPORTERS["text"](diff)
    assert "now copied to Singapore · SG (sg-sin-1) and no SCC authorises it" in text


def test_the_json_summary_uses_one_key_style(opted_in: Any) -> None:
    doc = json.loads(DIFF_REPORTERS["json"](opted_in))
    assert all(re.fullmatch(r"[a-z][A-Za-z]*", k) for k in doc["verdict"])
    assert doc["posture"][0] == {
        "setting": "dataResidency",
        "before": "ID-only",
        "after": "ID-SG",
        "changed": True,
    }


def test_text_summary_columns_line_up(opted_in: Any) -> None:
    counts = [line for line in DIFF_REPORTERS["text"](opted_in).splitlines() if re.match(r"^  \S.*\s+\d+$", line)]
    assert len(counts) >= 8 and len({len(line) for line in counts}) == 1


def test_svg_arrows_start_and_end_on_region_boxes(opted_in: Any) -> None:
    edges = [(e, "added") for e in opted_in.edges_added if e.cross_region]
    drawing = svg(edges, {"ap-southeast-1": ("customer-pii",)})
    box_edges = set()
    for x, w in re.findall(r'<rect x="([\d.]+)" y="20" width="([\d.]+)"', drawing):
        box_edges |= {float(x), float(x) + float(w)}
    flows = [
        (float(a), float(b))
        for a, b in re.findall(r'<line class="flow" x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"', drawing)
    ]
    assert flows and all(a in box_edges and b in box_edges for a, b in flows)
    assert "Singapore · SG" in drawing and "Jakarta · ID" in drawing and "new here: customer-pii" in drawing
