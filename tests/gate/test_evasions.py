"""End to end through the gate: each evasion program is stopped, and its compliant twin passes clean."""

from pathlib import Path

import pytest

from tests.gate.evasions import CASES, Case, assert_stopped, assert_twin_passes


def test_there_are_at_least_25_evasions() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_evasion_is_stopped(case: Case, tmp_path: Path) -> None:
    assert_stopped(case, tmp_path)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_compliant_twin_passes(case: Case, tmp_path: Path) -> None:
    assert_twin_passes(case, tmp_path)
