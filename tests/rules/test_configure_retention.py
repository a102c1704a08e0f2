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
        ("api-log", None, "keeps logs forever; retentionDays says 90"),
        ("audit-log", 365, "below the 1827-day floor"),
        ("data-movement-audit", 3653, None),
        ("audit-log", 1827, "keeps logs 1827 days; retentionDays says 3653"),
        ("api-log", UNKNOWN, "retentionInDays is unknown during preview"),
    ],
)
def test_retention_table(data_class: str, days: object, expected: str | None) -> None:
    messages = run(RULE, [log_group(data_class=data_class, days=days)], SETTINGS)  # type: ignore[arg-type]
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0]
