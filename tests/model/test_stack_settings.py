"""Bad configs each fail with one message naming the key and the allowed values."""

from typing import Any

import pytest

from residency.model.data_classes import DataClass
from residency.model.errors import ResidencyConfigError
from residency.model.stack_settings import load_stack_settings
from tests.conftest import SCC, TODAY

ORG = "residency:org"
COLLS = "residency:collections"

BAD: list[tuple[str, dict[str, Any], str]] = [
    (
        "unknown residency",
        {ORG: {"dataResidency": "ID-US"}},
        "residency:org.dataResidency: 'ID-US' is not allowed; allowed values: ID-only, ID-SG",
    ),
    (
        "typo in org key",
        {ORG: {"dataResidencey": "ID-only"}},
        "residency:org.dataResidencey: unknown key; allowed keys: dataResidency, scc, opsTelemetry, "
        "webhookEgressRegion, retentionDays, requireSinkRegion",
    ),
    (
        "typo in scc key",
        {ORG: {"dataResidency": "ID-SG", "scc": {**SCC, "refrence": "x"}}},
        "residency:org.scc.refrence: unknown key; allowed keys: reference, signedOn, destinations, expires",
    ),
    (
        "ID-SG without scc",
        {ORG: {"dataResidency": "ID-SG"}},
        "residency:org.scc: dataResidency ID-SG requires an scc {reference, signedOn, destinations: [sg-sin-1]}",
    ),
    (
        "scc not covering sg",
        {ORG: {"dataResidency": "ID-SG", "scc": {**SCC, "destinations": ["us-iad-1"]}}},
        "residency:org.scc.destinations: must include sg-sin-1 for dataResidency ID-SG; allowed values: "
        "id-jkt-1, sg-sin-1, us-iad-1",
    ),
    (
        "expired scc",
        {ORG: {"dataResidency": "ID-SG", "scc": {**SCC, "expires": "2026-11-01"}}},
        "residency:org.scc.expires: SCC SCC-2026-014 expired on 2026-11-01; renew it or set dataResidency: ID-only",
    ),
    (
        "unknown region in scc",
        {ORG: {"dataResidency": "ID-SG", "scc": {**SCC, "destinations": ["sg-sin-2"]}}},
        "residency:org.scc.destinations[0]: 'sg-sin-2' is not allowed; allowed values: id-jkt-1, sg-sin-1, us-iad-1",
    ),
    (
        "unknown egress region",
        {ORG: {"webhookEgressRegion": "eu-fra-1"}},
        "residency:org.webhookEgressRegion: 'eu-fra-1' is not allowed; allowed values: id-jkt-1, sg-sin-1, us-iad-1",
    ),
    (
        "sg egress under ID-only",
        {ORG: {"webhookEgressRegion": "sg-sin-1"}},
        "residency:org.webhookEgressRegion: sg-sin-1 is not allowed here; allowed: id-jkt-1, or sg-sin-1 when "
        "dataResidency is ID-SG",
    ),
    (
        "retention CloudWatch rejects",
        {ORG: {"retentionDays": {"default": 100}}},
        "residency:org.retentionDays: retentionDays.default = 100 is not a value CloudWatch Logs accepts; accepted: "
        "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
    ),
    (
        "retention for an unknown class",
        {ORG: {"retentionDays": {"default": 365, "pii": 90}}},
        "residency:org.retentionDays: unknown data class 'pii' in retentionDays; allowed: default, customer-pii",
    ),
    (
        "audit retention below floor",
        {ORG: {"retentionDays": {"audit-log": 365}}},
        "residency:org.retentionDays: retentionDays.audit-log = 365 is below the 1827-day floor for audit classes",
    ),
    (
        "unknown sink region",
        {ORG: {"requireSinkRegion": "SG"}},
        "residency:org.requireSinkRegion: 'SG' is not allowed; allowed values: ID",
    ),
    (
        "unknown data class in collection",
        {COLLS: [{"name": "kyc", "classes": ["customer-pi"]}]},
        "residency:collections[0].classes[0]: 'customer-pi' is not allowed; allowed values: customer-pii, biometric",
    ),
    (
        "collection looser than org",
        {COLLS: [{"name": "kyc", "classes": [], "dataResidency": "ID-SG"}]},
        "residency:collections[0].dataResidency: collection 'kyc' asks for ID-SG but the org is ID-only; an "
        "override may only be stricter (allowed: ID-only)",
    ),
    (
        "collection sg egress under ID-only",
        {COLLS: [{"name": "kyc", "webhookEgressRegion": "sg-sin-1"}]},
        "residency:collections[0].webhookEgressRegion: sg-sin-1 is not allowed here",
    ),
    (
        "collection typo",
        {COLLS: [{"name": "kyc", "clases": []}]},
        "residency:collections[0].clases: unknown key; allowed keys: name, classes, dataResidency, webhookEgressRegion",
    ),
    (
        "duplicate collection",
        {COLLS: [{"name": "kyc"}, {"name": "kyc"}]},
        "residency:collections[1].name: duplicate collection 'kyc'",
    ),
    (
        "reserved collection name",
        {COLLS: [{"name": "platform"}]},
        "residency:collections[0].name: 'platform' is reserved for org-wide stores",
    ),
    ("org not an object", {ORG: "[1, 2]"}, "residency:org: must be an object with keys dataResidency"),
    ("org not JSON", {ORG: "{nope"}, "residency:org: is not valid JSON or YAML object"),
    ("collections not a list", {COLLS: {"name": "kyc"}}, "residency:collections: must be a list"),
    (
        "missing scc reference",
        {ORG: {"dataResidency": "ID-SG", "scc": {"signedOn": "2026-07-01", "destinations": ["sg-sin-1"]}}},
        "residency:org.scc.reference: is required",
    ),
]


@pytest.mark.parametrize(("case", "config", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_config_names_the_key_and_allowed_values(case: str, config: dict[str, Any], message: str) -> None:
    with pytest.raises(ResidencyConfigError) as err:
        load_stack_settings(config, TODAY)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_defaults_are_the_strictest_posture() -> None:
    settings = load_stack_settings({}, TODAY)
    assert settings.org.data_residency.value == "ID-only"
    assert settings.org.scc is None
    assert settings.org.ops_telemetry is False
    assert settings.org.webhook_egress_region.value == "id-jkt-1"
    assert settings.org.retention_days.for_class(DataClass.CUSTOMER_PII) == 365
    assert settings.org.retention_days.for_class(DataClass.AUDIT_LOG) == 1827


def test_json_strings_are_read_like_yaml_objects() -> None:
    settings = load_stack_settings(
        {
            ORG: '{"dataResidency": "ID-SG", "scc": {"reference": "S", "signedOn": "2026-01-01", '
            '"destinations": ["sg-sin-1"]}, "retentionDays": {"default": 90, "api-log": 30}}',
            COLLS: '[{"name": "kyc", "classes": ["customer-pii"], "dataResidency": "ID-only"}]',
        },
        TODAY,
    )
    assert settings.org.retention_days.for_class(DataClass.API_LOG) == 30
    assert settings.collection("kyc") is not None


@pytest.mark.parametrize(
    ("config", "key", "problem"),
    [
        (
            {"residency:collections": [{"name": "x", "classes": "customer-pii"}]},
            "residency:collections[0].classes",
            "must be a list, e.g. [customer-pii], not 'customer-pii'; allowed values: customer-pii, biometric,",
        ),
        (
            {"residency:org": {"scc": {"reference": "S", "signedOn": "2026-07-01", "destinations": "sg-sin-1"}}},
            "residency:org.scc.destinations",
            "must be a list, e.g. [sg-sin-1], not 'sg-sin-1'; allowed values: id-jkt-1, sg-sin-1, us-iad-1",
        ),
        (
            {"residency:org": {"scc": {"reference": "S", "signedOn": 20260701, "destinations": ["sg-sin-1"]}}},
            "residency:org.scc.signedOn",
            "20260701 is not a date; allowed: a date YYYY-MM-DD, e.g. 2026-07-01",
        ),
        (
            {"residency:org": {"dataResidency": "ID-US"}},
            "residency:org.dataResidency",
            "'ID-US' is not allowed; allowed values: ID-only, ID-SG",
        ),
    ],
)
def test_type_errors_name_the_key_and_what_is_allowed(config: dict[str, Any], key: str, problem: str) -> None:
    with pytest.raises(ResidencyConfigError) as caught:
        load_stack_settings(config, TODAY)
    assert caught.value.key == key
    assert caught.value.problem.startswith(problem)
