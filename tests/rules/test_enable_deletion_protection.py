import pytest

from residency.rules.enable_deletion_protection import RULE
from tests.rules.fixtures import bucket, database, mutate, run

BASELINE = [database(), bucket()[0]]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("index", "path", "value", "expected"),
    [
        (0, ("deletionProtection",), False, "has deletionProtection off"),
        (0, ("deletionProtection",), None, "has deletionProtection off"),
        (0, ("skipFinalSnapshot",), True, "skips its final snapshot"),
        (1, ("forceDestroy",), True, "has forceDestroy on"),
    ],
)
def test_mutations(index: int, path: tuple[str, ...], value: object, expected: str) -> None:
    messages = run(RULE, mutate(BASELINE, index, path, value))
    assert len(messages) == 1 and expected in messages[0]


def test_ops_telemetry_may_be_disposable() -> None:
    assert run(RULE, [mutate([database(data_class="ops-telemetry")], 0, ("deletionProtection",), False)[0]]) == []
