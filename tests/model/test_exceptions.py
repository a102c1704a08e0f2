"""Exceptions are data with a reason, an approver, a ticket and an expiry; some promises cannot be waived."""

from datetime import date, timedelta
from typing import Any

import pytest

from residency.model.data_classes import DataClass
from residency.model.errors import ResidencyConfigError
from residency.model.exceptions import EXCEPTIONS_KEY, PLACEHOLDER_REASON, decide, load_exceptions

TODAY = date(2026, 11, 27)
POLICIES = {"enable-deletion-protection", "restrict-cross-region-replication", "restrict-data-class-region"}
URN = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::legacy"
ARN = "arn:aws:s3:::legacy-bucket"


def entry(**over: Any) -> dict[str, Any]:
    base = {
        "policy": "enable-deletion-protection",
        "resource": URN,
        "reason": "legacy bucket being migrated to the new platform",
        "approvedBy": "ciso@example.co.id",
        "ticket": "RISK-101",
        "expires": str(TODAY + timedelta(days=90)),
    }
    return {**base, **over}


def load(*entries: dict[str, Any]) -> Any:
    return load_exceptions({EXCEPTIONS_KEY: list(entries)}, TODAY, POLICIES)


def test_a_valid_entry_loads_from_yaml_or_json_text() -> None:
    import json

    assert load(entry())[0].ticket == "RISK-101"
    assert load_exceptions({EXCEPTIONS_KEY: json.dumps([entry()])}, TODAY, POLICIES)[0].policy == entry()["policy"]
    assert load_exceptions({}, TODAY, POLICIES) == ()


@pytest.mark.parametrize(
    ("bad", "key", "says"),
    [
        (entry(reason="migrating"), "[0].reason", "at least 20 characters"),
        (entry(reason=PLACEHOLDER_REASON), "[0].reason", "placeholder"),
        ({k: v for k, v in entry().items() if k != "expires"}, "[0].expires", "is required"),
        (entry(expires=str(TODAY + timedelta(days=400))), "[0].expires", "more than a year ahead"),
        (entry(policy="restrict-data-class-region"), "[0].policy", "pinned promise"),
        (entry(policy="no-such-policy"), "[0].policy", "allowed: enable-deletion-protection"),
        (entry(owner="me"), "[0].owner", "allowed keys: policy, resource, reason, approvedBy, ticket, expires"),
        (entry(approvedBy=""), "[0].approvedBy", ""),
        (entry(resource="*"), "[0].resource", "names no resource"),
        (entry(resource="urn:pulumi:*::*"), "[0].resource", "names no resource"),
        (entry(resource="arn:aws:*"), "[0].resource", "names no resource"),
        (entry(resource="[a-z]*"), "[0].resource", "names no resource"),  # was accepted: matches every URN and ARN
        (entry(resource="urn:*"), "[0].resource", "names no resource"),  # was accepted: matches every URN
        (entry(resource="arn:*:*:*:*"), "[0].resource", "names no resource"),
    ],
)
def test_invalid_entries_name_the_entry_and_the_rule(bad: dict[str, Any], key: str, says: str) -> None:
    with pytest.raises(ResidencyConfigError) as err:
        load(entry(), bad)
    assert err.value.key == EXCEPTIONS_KEY + key.replace("[0]", "[1]") and says in err.value.problem


def test_not_a_list_is_refused() -> None:
    with pytest.raises(ResidencyConfigError, match="must be a list"):
        load_exceptions({EXCEPTIONS_KEY: {"policy": "x"}}, TODAY, POLICIES)


def test_matching_by_urn_glob_and_arn() -> None:
    glob = load(entry(resource="urn:pulumi:dev::p::aws:s3/bucket:Bucket::leg*"))
    assert decide(glob, "enable-deletion-protection", (URN,), DataClass.CUSTOMER_PII, TODAY).waiver is not None
    assert decide(glob, "enable-object-lock", (URN,), DataClass.CUSTOMER_PII, TODAY).waiver is None
    other = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::other"
    assert decide(glob, "enable-deletion-protection", (other,), DataClass.CUSTOMER_PII, TODAY).waiver is None
    by_arn = load(entry(resource=ARN))
    assert decide(by_arn, "enable-deletion-protection", ("x", ARN), DataClass.CUSTOMER_PII, TODAY).waiver is not None


def test_an_expired_entry_waives_nothing() -> None:
    entries = load(entry(expires=str(TODAY - timedelta(days=1))))
    assert decide(entries, "enable-deletion-protection", (URN,), DataClass.CUSTOMER_PII, TODAY).waiver is None


@pytest.mark.parametrize(
    "data_class", [DataClass.AUDIT_LOG, DataClass.DATA_MOVEMENT_AUDIT, DataClass.SAR_ENVELOPE, None]
)
def test_a_copy_of_a_pinned_or_unknown_class_is_never_waived(data_class: DataClass | None) -> None:
    entries = load(entry(policy="restrict-cross-region-replication"))
    decision = decide(entries, "restrict-cross-region-replication", (URN,), data_class, TODAY)
    assert decision.waiver is None and decision.refused and "residency:exceptions[0] refused" in decision.refused


def test_a_copy_of_a_personal_class_may_be_waived() -> None:
    entries = load(entry(policy="restrict-cross-region-replication"))
    assert decide(entries, "restrict-cross-region-replication", (URN,), DataClass.ANALYTICS, TODAY).waiver


def test_an_expiry_that_is_not_a_date_says_the_format() -> None:
    entry = {
        "policy": "enable-deletion-protection",
        "resource": "urn:pulumi:dev::p::aws:rds/instance:Instance::db",
        "reason": "a migration window agreed with the DBA team",
        "approvedBy": "a@example.com",
        "ticket": "SEC-1",
        "expires": 20261201,
    }
    with pytest.raises(ResidencyConfigError) as caught:
        load_exceptions({EXCEPTIONS_KEY: [entry]}, date(2026, 11, 27), frozenset({"enable-deletion-protection"}))
    assert str(caught.value) == (
        "residency:exceptions[0].expires: 20261201 is not a date; allowed: a date YYYY-MM-DD, e.g. 2026-07-01"
    )


@pytest.mark.parametrize(
    "pattern",
    [
        "urn:pulumi:dev::p::aws:s3/bucket:Bucket::leg*",
        "urn:pulumi:*::kyc-residency::*::legacy-*",
        "arn:aws:*:ap-southeast-1:*",
        "arn:aws:s3:::kyc-*",
    ],
)
def test_a_pattern_that_names_some_resources_is_accepted(pattern: str) -> None:
    assert load(entry(resource=pattern))[0].resource == pattern
