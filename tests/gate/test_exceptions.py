"""Exceptions end to end: the pack (as the engine drives it) waives, the gate shows, the diff agrees."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from residency.diff.compare import compare
from residency.diff.readers import read_side
from residency.reporters import sarif
from residency.rules import EXCEPTIONS_POLICY
from tests.conftest import TODAY
from tests.gate.projects import preview, write_project
from tests.model.test_exceptions import entry as base_entry

LEGACY = "urn:pulumi:dev::sample::aws:s3/bucket:Bucket::legacy"
PROGRAM = """
bucket("legacy", "customer-pii", force_destroy=True)
bucket("fresh", "customer-pii")
"""


def entry(**over: Any) -> dict[str, Any]:
    """The model tests' entry, aimed at this program's legacy bucket and valid for two months from today."""
    return base_entry(
        **{
            "resource": LEGACY,
            "reason": "legacy bucket emptied by the migration job first",
            "expires": str(TODAY + timedelta(days=60)),
            **over,
        }
    )


def _project(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    extra = {"residency:exceptions": list(entries)} if entries else {}
    return write_project(tmp_path / "p", PROGRAM, extra=extra)


@pytest.fixture(scope="module")
def waived_run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = _project(
        tmp_path_factory.mktemp("ex"),
        entry(),
        entry(resource="urn:pulumi:dev::sample::aws:s3/bucket:Bucket::gone*", ticket="RISK-102"),
        entry(
            resource="urn:pulumi:dev::sample::aws:s3/bucket:Bucket::fresh",
            ticket="RISK-103",
            expires=str(TODAY - timedelta(days=1)),
        ),
    )
    return preview(root)


def test_without_exceptions_the_legacy_bucket_blocks(tmp_path: Path) -> None:
    result = preview(_project(tmp_path))
    assert [(v.policy, v.urn) for v in result.mandatory] == [("enable-deletion-protection", LEGACY)]


def test_a_matching_exception_waives_through_the_pack(waived_run: Any) -> None:
    waived = [v for v in waived_run.violations if v.waiver is not None]
    assert [(v.policy, v.urn, v.waiver.entry.ticket) for v in waived] == [
        ("enable-deletion-protection", LEGACY, "RISK-101")
    ]
    assert not any(v.policy == "enable-deletion-protection" and v.blocking for v in waived_run.violations)


def test_expired_blocks_and_stale_is_reported(waived_run: Any) -> None:
    blocking = [(v.policy, v.message) for v in waived_run.mandatory]
    assert len(blocking) == 1 and blocking[0][0] == "require-valid-exceptions" and "RISK-103" in blocking[0][1]
    stale = [v for v in waived_run.violations if v.policy == EXCEPTIONS_POLICY]
    assert len(stale) == 1 and "RISK-102" in stale[0].message and not stale[0].blocking


def test_sarif_carries_a_suppression_with_the_justification(waived_run: Any) -> None:
    doc = json.loads(sarif.render(waived_run))
    suppressed = [r for r in doc["runs"][0]["results"] if r.get("suppressions")]
    assert len(suppressed) == 1
    assert "emptied by the migration job" in suppressed[0]["suppressions"][0]["justification"]


def test_the_plan_keeps_the_waiver_and_the_diff_reads_it_back(waived_run: Any, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(waived_run.to_plan()))
    snap = read_side(plan, "after")
    waivers = [v.waiver for v in snap.violations if v.waiver is not None]
    assert [w.entry.ticket for w in waivers] == ["RISK-101"]
    assert not compare(snap, snap).fails("mandatory")


def test_a_pinned_promise_cannot_be_waived_by_config(tmp_path: Path) -> None:
    root = _project(tmp_path, entry(policy="restrict-data-class-region"))
    result = preview(root)
    messages = [v.message for v in result.mandatory if v.policy == "require-valid-exceptions"]
    assert messages and "residency:exceptions[0].policy" in messages[0] and "pinned promise" in messages[0]
    assert any(v.policy == "enable-deletion-protection" and v.blocking for v in result.violations)


def test_a_waiver_the_gate_cannot_trace_to_the_config_waives_nothing() -> None:
    from residency.gate.waivers import restore_waived
    from residency.model.findings import Finding, Level

    forged = Finding(
        EXCEPTIONS_POLICY,
        Level.ADVISORY,
        "waived enable-deletion-protection by residency:exceptions[0]: legacy has forceDestroy on\n(RISK-1, ...)",
        LEGACY,
    )
    restored = restore_waived([forged], {}, {"enable-deletion-protection": "mandatory"})
    assert [(f.policy, f.blocking) for f in restored] == [("enable-deletion-protection", True)]
