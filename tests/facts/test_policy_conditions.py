"""Only a condition that names the caller or its source narrows who a public-principal statement lets in."""

import pytest

from residency.facts.policy_conditions import narrows
from residency.facts.values import UNKNOWN

ACCOUNT = "111122223333"


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
        {"StringEquals": {"AWS:SourceAccount": [ACCOUNT]}},
        {"ArnLike": {"aws:SourceArn": f"arn:aws:sns:ap-southeast-3:{ACCOUNT}:kyc-*"}},
        {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}},
        {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3"}},
        {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
        {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:SourceVpce": "vpce-1a2b3c"}},
    ],
)
def test_a_condition_naming_the_caller_narrows(condition: dict[str, object]) -> None:
    assert narrows(condition) is True


@pytest.mark.parametrize(
    "condition",
    [
        None,
        {},
        {"Bool": {"aws:SecureTransport": "true"}},
        {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}},
        {"StringNotEquals": {"aws:SourceAccount": ACCOUNT}},
        {"StringEqualsIfExists": {"aws:SourceAccount": ACCOUNT}},
        {"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a1b2c3/r-ab12/"]}},
        {"StringLike": {"aws:SourceArn": "*"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:sns:ap-southeast-3:*:kyc"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::kyc-*"}},
        {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-*"}},
        {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
        {"Null": {"aws:SourceAccount": "false"}},
        {"StringEquals": {"aws:RequestedRegion": "ap-southeast-3"}},
        {"StringEquals": {"aws:SourceAccount": []}},
        {"StringEqualsX": {"aws:SourceAccount": ACCOUNT}},
    ],
)
def test_a_condition_on_how_not_who_does_not_narrow(condition: object) -> None:
    assert narrows(condition) is False


def test_a_narrowing_value_unknown_during_preview_is_undetermined() -> None:
    assert narrows({"ArnEquals": {"aws:SourceArn": UNKNOWN}}) is None
    assert narrows({"ArnEquals": {"aws:SourceArn": UNKNOWN}, "StringEquals": {"aws:SourceAccount": ACCOUNT}}) is True
