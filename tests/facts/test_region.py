"""Where a resource is: the precedence of every source of a region, one row per case."""

from typing import Any

import pytest

from residency.facts.region import effective_region
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN

BUCKET = "aws:s3/bucket:Bucket"
JKT, SIN, IAD = "ap-southeast-3", "ap-southeast-1", "us-east-1"


def _provider(name: str, **props: Any) -> ProviderInput:
    return ProviderInput("pulumi:providers:aws", f"urn:pulumi:dev::p::pulumi:providers:aws::{name}", name, props)


# (own region input, provider, recorded outputs, stack aws:region, env) -> (region, where it came from)
CASES: list[tuple[str, Any, ProviderInput | None, dict[str, Any], str | None, dict[str, str], str | None, str]] = [
    (
        "own input beats everything",
        IAD,
        _provider("sin", region=SIN),
        {"region": JKT},
        JKT,
        {"AWS_REGION": JKT},
        IAD,
        "resource region input",
    ),
    (
        "unknown own input fails closed",
        UNKNOWN,
        _provider("sin", region=SIN),
        {},
        JKT,
        {},
        None,
        "unknown during preview",
    ),
    (
        "explicit provider beats stack and env",
        None,
        _provider("sin", region=SIN),
        {},
        JKT,
        {"AWS_REGION": JKT},
        SIN,
        "provider sin",
    ),
    (
        "default provider region",
        None,
        _provider("default_7_51_1", region=JKT),
        {},
        JKT,
        {},
        JKT,
        "stack aws:region (default provider)",
    ),
    (
        "unknown provider region fails closed",
        None,
        _provider("sin", region=UNKNOWN),
        {},
        JKT,
        {},
        None,
        "region of provider sin is unknown",
    ),
    (
        "provider endpoints elsewhere fail closed",
        None,
        _provider("jkt", region=JKT, endpoints=[{"s3": "https://s3.us-east-1.amazonaws.com"}]),
        {},
        JKT,
        {},
        None,
        "sends API calls to endpoints in us-east-1",
    ),
    (
        "explicit provider without region is never the stack's",
        None,
        _provider("bare"),
        {},
        JKT,
        {"AWS_REGION": JKT},
        None,
        "provider bare sets no region",
    ),
    (
        "recorded outputs when the provider says nothing",
        None,
        None,
        {"region": SIN},
        JKT,
        {},
        SIN,
        "recorded region output",
    ),
    ("stack aws:region without a provider", None, None, {}, JKT, {"AWS_REGION": IAD}, JKT, "stack aws:region"),
    ("environment last", None, None, {}, None, {"AWS_REGION": SIN}, SIN, "environment variable AWS_REGION"),
    ("nothing at all fails closed", None, None, {}, None, {}, None, "no region input, no provider region"),
]


@pytest.mark.parametrize(
    ("case", "own", "provider", "outputs", "stack", "env", "region", "source"), CASES, ids=[c[0] for c in CASES]
)
def test_region_precedence(
    case: str,
    own: Any,
    provider: ProviderInput | None,
    outputs: dict[str, Any],
    stack: str | None,
    env: dict[str, str],
    region: str | None,
    source: str,
) -> None:
    props = {"bucket": "b", **({"region": own} if own is not None else {})}
    res = ResourceInput("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b", BUCKET, "b", props, provider, outputs=outputs)
    found, where = effective_region(res, {"aws:region": stack} if stack else {}, env)
    assert found == region and source in where, (found, where)


@pytest.mark.parametrize(
    ("endpoints", "unplaced"),
    [
        ([{"s3": "https://s3.eu-central-2.wasabisys.com"}], "s3: https://s3.eu-central-2.wasabisys.com"),
        ([{"dynamodb": "https://52.94.4.10"}], "dynamodb: https://52.94.4.10"),
        ('[{"s3": "http://localhost:4566"}]', "s3: http://localhost:4566"),  # an explicit provider's JSON text
        ([{"s3": "https://s3.amazonaws.com"}], "s3: https://s3.amazonaws.com"),  # AWS, but no region
        ([{"s3": UNKNOWN}], "s3: an endpoint unknown during preview"),
    ],
)
def test_endpoints_whose_region_cannot_be_read_fail_closed(endpoints: Any, unplaced: str) -> None:
    res = ResourceInput("urn:b", BUCKET, "b", {"bucket": "b"}, _provider("p", region=JKT, endpoints=endpoints))
    found, where = effective_region(res, {"aws:region": JKT}, {})
    assert found is None and unplaced in where and "cannot be determined" in where, where


def test_regional_and_global_control_endpoints_keep_the_provider_region() -> None:
    endpoints = [{"s3": "https://s3.ap-southeast-3.amazonaws.com", "iam": "https://iam.amazonaws.com"}]
    res = ResourceInput("urn:b", BUCKET, "b", {"bucket": "b"}, _provider("p", region=JKT, endpoints=endpoints))
    assert effective_region(res, {}, {}) == (JKT, "provider p")


@pytest.mark.parametrize("provider", [None, _provider("default_7_12_0")])
def test_the_default_provider_takes_endpoints_from_stack_config(provider: ProviderInput | None) -> None:
    res = ResourceInput("urn:b", BUCKET, "b", {"bucket": "b"}, provider)
    config = {"aws:region": JKT, "aws:endpoints": [{"s3": "https://fsn1.your-objectstorage.com"}]}
    found, where = effective_region(res, config, {})
    assert found is None and where.startswith("stack config aws:endpoints sends API calls to s3: https://fsn1")
    assert effective_region(res, {"aws:region": JKT}, {})[0] == JKT


def test_an_existing_resource_read_with_get_has_no_region_whatever_its_provider_says() -> None:
    from residency.facts.values import existing_region_marker

    res = ResourceInput(
        "urn:x", BUCKET, "partner", {"region": existing_region_marker("partner-kyc")}, _provider("jkt", region=JKT)
    )
    region, source = effective_region(res, {"aws:region": JKT}, {})
    assert region is None and "existing resource read with get (partner-kyc)" in source
