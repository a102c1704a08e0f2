import pytest

from residency.rules.disallow_public_access import RULE
from tests.rules.fixtures import bucket, database, mutate, run

BASELINE = [*bucket(), database()]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("index", "path", "value", "expected"),
    [
        (2, ("blockPublicPolicy",), False, "does not block public access (blockPublicPolicy)"),
        (2, ("bucket",), "other", "does not block public access (blockPublicAcls, blockPublicPolicy"),
        (4, ("publiclyAccessible",), True, "is publicly accessible"),
    ],
)
def test_mutations(index: int, path: tuple[str, ...], value: object, expected: str) -> None:
    messages = run(RULE, mutate(BASELINE, index, path, value))
    assert len(messages) == 1 and expected in messages[0]
