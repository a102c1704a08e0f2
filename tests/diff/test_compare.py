"""Pairs produced by the gate from small programs, each with the one thing the report must say."""

from pathlib import Path

import pytest

from residency.diff.compare import ResidencyDiff, compare
from residency.diff.readers import read_pair
from tests.diff.pairs import plan_pair


@pytest.fixture(scope="module")
def diffs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ResidencyDiff]:
    import os

    os.environ.setdefault("RESIDENCY_TODAY", "2026-11-27")
    from tests.diff.pairs import PAIRS

    out = {}
    for name in PAIRS:
        before, after = plan_pair(tmp_path_factory.mktemp("pair"), name)
        out[name] = compare(*read_pair(before, after))
    return out


def test_same_region_to_cross_region_replication(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["same-region to cross-region replication"]
    cross = [e for e in d.edges_added if e.cross_region]
    assert [(e.source_region, e.destination_region, e.data_class) for e in cross] == [
        ("ap-southeast-3", "ap-southeast-1", "customer-pii")
    ]
    pii = next(c for c in d.classes if c.data_class == "customer-pii")
    assert pii.new_regions == ["ap-southeast-1"]
    assert d.fails("advisory") and not d.fails("mandatory")


def test_id_only_to_id_sg_fixes_violations(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["ID-only to ID-SG"]
    assert d.fixed_violations and not d.new_violations
    assert all(v.policy == "restrict-data-class-region" for v in d.fixed_violations)
    assert not d.fails("advisory")


def test_retention_lowered(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["retention lowered"]
    assert [(p.field, p.before, p.after, p.weakened) for p in d.protections] == [("retentionInDays", 365, 90, True)]
    assert [v.policy for v in d.new_violations] == ["configure-retention"]
    assert d.fails("mandatory")


def test_deletion_protection_removed(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["deletion protection removed"]
    assert [(p.field, p.weakened) for p in d.weakened] == [("deletionProtection", True)]
    assert [v.policy for v in d.new_violations] == ["enable-deletion-protection"]


def test_store_replaced_is_flagged_as_data_loss_risk(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["store replaced"]
    bio = next(c for c in d.classes if c.data_class == "biometric")
    assert bio.replaced == ["urn:pulumi:dev::sample::aws:s3/bucket:Bucket::b"]


def test_relabelled(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["data class relabelled"]
    assert ("b", "customer-pii", "analytics") in [(n, a, b) for _, n, a, b in d.relabelled]
    assert all(b == "analytics" for _, _, _, b in d.relabelled)


def test_nothing_changed(diffs: dict[str, ResidencyDiff]) -> None:
    d = diffs["nothing changed"]
    assert d.nothing_changed and not d.fails("advisory")


def test_a_core_policy_switched_off_is_a_weakened_protection(tmp_path: Path) -> None:
    import json

    from residency.diff.compare import compare
    from residency.diff.readers import read_side

    def plan(name: str, levels: dict[str, str]) -> Path:
        path = tmp_path / f"{name}.json"
        path.write_text(
            json.dumps(
                {"kind": "residency-plan", "version": 1, "resources": [], "violations": [], "policyConfig": levels}
            )
        )
        return path

    mandatory = {"restrict-data-class-region": "mandatory", "require-data-class-tag": "mandatory"}
    before = plan("before", mandatory)
    after = plan("after", {**mandatory, "restrict-data-class-region": "disabled"})
    diff = compare(read_side(before, "before"), read_side(after, "after"))
    assert [(p.field, p.before, p.after) for p in diff.weakened] == [
        ("policy restrict-data-class-region", "mandatory", "disabled")
    ]
    assert diff.fails("any") and not diff.nothing_changed
    back = compare(read_side(after, "before"), read_side(before, "after"))
    assert back.weakened == [] and [(p.field, p.after) for p in back.protections] == [
        ("policy restrict-data-class-region", "mandatory")
    ]
