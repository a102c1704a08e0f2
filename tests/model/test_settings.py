"""The settings model: retentionDays is whole days for `default` as for every class, with the accepted values."""

from typing import Any

import pytest

from residency.model.errors import ResidencyConfigError
from residency.model.retention import accepted_values
from residency.model.stack_settings import load_stack_settings
from tests.conftest import TODAY


def _org(retention: Any) -> dict[str, Any]:
    return {"residency:org": {"retentionDays": retention}}


@pytest.mark.parametrize(
    ("retention", "shown"),
    [
        ({"default": True}, "retentionDays.default = true"),
        ({"default": "365"}, 'retentionDays.default = "365"'),
        ({"default": 365.0}, "retentionDays.default = 365.0"),
        ({"default": 365, "api-log": "90"}, 'retentionDays.api-log = "90"'),
        (True, "retentionDays.default = true"),
    ],
)
def test_retention_default_is_strict_whole_days(retention: Any, shown: str) -> None:
    with pytest.raises(ResidencyConfigError) as caught:
        load_stack_settings(_org(retention), TODAY)
    assert caught.value.key == "residency:org.retentionDays"
    assert caught.value.problem == f"{shown} is not a whole number of days; accepted: {accepted_values()}"


@pytest.mark.parametrize("retention", [[365], None, "a year"])
def test_retention_of_the_wrong_shape_says_what_is_allowed(retention: Any) -> None:
    with pytest.raises(ResidencyConfigError) as caught:
        load_stack_settings(_org(retention), TODAY)
    assert "is not a number of days or a mapping {default: days, <data class>: days}" in caught.value.problem
    assert "valid dictionary" not in caught.value.problem


def test_whole_days_are_accepted() -> None:
    settings = load_stack_settings(_org({"default": 400, "audit-log": 3653}), TODAY)
    assert settings.org.retention_days.default == 400
    assert load_stack_settings(_org(30), TODAY).org.retention_days.default == 30


@pytest.mark.parametrize(("value", "shown"), [(1, "1"), ("yes", '"yes"'), ("true", '"true"'), ("on", '"on"'), (0, "0")])
def test_ops_telemetry_is_a_strict_boolean(value: Any, shown: str) -> None:
    """true lets ops telemetry leave Jakarta: a 1 or "yes" that pydantic would read as true must not loosen it."""
    with pytest.raises(ResidencyConfigError) as caught:
        load_stack_settings({"residency:org": {"opsTelemetry": value}}, TODAY)
    assert str(caught.value) == (
        f"residency:org.opsTelemetry: {shown} is not a boolean; allowed: true, false (unquoted)"
    )


def test_a_name_that_is_not_text_says_so() -> None:
    with pytest.raises(ResidencyConfigError) as caught:
        load_stack_settings({"residency:collections": [{"name": 5, "classes": ["customer-pii"]}]}, TODAY)
    assert str(caught.value) == "residency:collections[0].name: 5 is not text; allowed: a string"
