"""End to end through the gate: each evasion program is stopped, and its compliant twin passes clean."""

from pathlib import Path

import pytest

from tests.gate.evasions import CASES, Case
from tests.gate.projects import policy_config, preview, write_project


def test_there_are_at_least_25_evasions() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_evasion_is_stopped(case: Case, tmp_path: Path) -> None:
    result = preview(write_project(tmp_path, case.program, case.org, region=case.region, extra=case.extra))
    hits = [v for v in result.violations if v.policy == case.policy and case.message in v.message]
    assert hits, [(v.policy, v.message) for v in result.violations]
    assert all(v.level == "mandatory" for v in hits)
    assert result.exit_code == 1


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_compliant_twin_passes(case: Case, tmp_path: Path) -> None:
    root = write_project(tmp_path, case.twin, case.twin_org, region=case.region, extra=case.extra)
    known = None
    if case.twin_known:
        config = {"knownResources": case.twin_known}
        known = policy_config(tmp_path, {p: config for p in ("restrict-data-class-region",
                                                            "restrict-cross-region-replication")})
    result = preview(root, config_file=known)
    assert [(v.policy, v.message) for v in result.violations] == []
    assert result.exit_code == 0
