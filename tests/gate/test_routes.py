"""Routes out of Jakarta that no list names, through the real gate: each stopped, each twin clean."""

from pathlib import Path

import pytest

from tests.gate.evasions import Case
from tests.gate.projects import preview, write_project
from tests.gate.routes import ROUTES


def test_the_route_corpus_covers_many_families() -> None:
    assert len(ROUTES) >= 20 and len({c.name for c in ROUTES}) == len(ROUTES)


@pytest.mark.parametrize("case", ROUTES, ids=[c.name for c in ROUTES])
def test_route_is_stopped(case: Case, tmp_path: Path) -> None:
    result = preview(write_project(tmp_path, case.program, case.org, region=case.region, extra=case.extra))
    hits = [v for v in result.violations if v.policy == case.policy and case.message in v.message]
    assert hits, [(v.policy, v.message) for v in result.violations]
    assert all(v.level == "mandatory" for v in hits)
    assert result.exit_code == 1


@pytest.mark.parametrize("case", ROUTES, ids=[c.name for c in ROUTES])
def test_route_twin_passes(case: Case, tmp_path: Path) -> None:
    result = preview(write_project(tmp_path, case.twin, case.twin_org, region=case.region, extra=case.extra))
    assert [(v.policy, v.message) for v in result.violations] == []
    assert result.exit_code == 0
