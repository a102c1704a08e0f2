import pytest

from residency.facts.values import UNKNOWN
from residency.rules.configure_retention import RULE
from tests.conftest import posture
from tests.rules.fixtures import log_group, run

SETTINGS = posture({"retentionDays": {"default": 365, "api-log": 90, "audit-log": 3653}})


@pytest.mark.parametrize(
    ("data_class", "days", "expected"),
    [
        ("api-log", 90, None),
        ("customer-pii", 365, None),
        ("audit-log", 3653, None),
        ("audit-log", None, None),
        ("api-log", 30, "keeps logs 30 days; retentionDays says 90"),
        ("api-log", 7.0, "keeps logs 7 days; retentionDays says 90"),  # as analyzers receive numbers
        ("api-log", 90.0, None),
        ("api-log", None, "keeps logs forever; retentionDays says 90"),
        ("audit-log", 365, "below the 1827-day floor"),
        ("data-movement-audit", 3653, None),
        ("audit-log", 1827, "keeps logs 1827 days; retentionDays says 3653"),
        ("api-log", UNKNOWN, "retentionInDays is unknown during preview"),
    ],
)
def test_retention_table(data_class: str, days: object, expected: str | None) -> None:
    # Deliberately not log_group's `int`: doubles and UNKNOWN are what the engine sends.
    messages = run(RULE, [log_group(data_class=data_class, days=days)], SETTINGS)  # type: ignore[arg-type]
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0]


@pytest.mark.parametrize("days", ["x", "90", [], {"k": "v"}, True, 90.5, float("nan")])
def test_retention_that_is_not_a_number_of_days_is_a_finding_not_a_crash(days: object) -> None:
    """A state file or an audited answer can carry any type here: it was a TypeError that ended the whole run."""
    # Deliberately the wrong type for log_group's `int`: the rule must refuse it at run time.
    messages = run(RULE, [log_group(data_class="api-log", days=days)], SETTINGS)  # type: ignore[arg-type]
    assert len(messages) == 1 and f"retentionInDays is {days!r}, not a number of days" in messages[0]


def test_whole_days_sent_as_a_double_are_days() -> None:
    """The engine's protobuf Struct carries every number as a double."""
    # Deliberately a float where log_group types an `int`.
    assert run(RULE, [log_group(data_class="api-log", days=90.0)], SETTINGS) == []  # type: ignore[arg-type]
