"""Every reporter rendered from the same result into a golden file (UPDATE_SNAPSHOTS=1 rewrites them)."""

import os
from pathlib import Path

import pytest

from residency.reporters import REPORTERS
from tests.reporters.fixtures import clean_result, sample_result

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("case", ["violations", "clean"])
def test_snapshot(fmt: str, case: str) -> None:
    result = sample_result() if case == "violations" else clean_result()
    rendered = REPORTERS[fmt](result)
    path = SNAPSHOTS / f"{case}.{fmt}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(rendered)
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            pytest.fail(f"snapshot {path.name} was missing and has been written; review and commit it")
    assert rendered == path.read_text()
