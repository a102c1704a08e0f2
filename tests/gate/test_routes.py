"""Routes out of Jakarta that no list names, through the real gate: each stopped, each twin clean."""

from pathlib import Path

import pytest

from tests.gate.evasions import Case, assert_stopped, assert_twin_passes
from tests.gate.routes import ROUTES


def test_the_route_corpus_covers_many_families() -> None:
    assert len(ROUTES) >= 20 and len({c.name for c in ROUTES}) == len(ROUTES)


@pytest.mark.parametrize("case", ROUTES, ids=[c.name for c in ROUTES])
def test_route_is_stopped(case: Case, tmp_path: Path) -> None:
    assert_stopped(case, tmp_path)


@pytest.mark.parametrize("case", ROUTES, ids=[c.name for c in ROUTES])
def test_route_twin_passes(case: Case, tmp_path: Path) -> None:
    assert_twin_passes(case, tmp_path)
