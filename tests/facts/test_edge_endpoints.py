"""Regional services whose endpoint is a CloudFront distribution (edge-optimised APIs, custom domains) are global."""

from typing import Any

import pytest

from residency.facts.builder import base_facts
from residency.facts.values import UNKNOWN
from residency.model.catalogue import Role
from tests.rules.fixtures import STACK_CONFIG, res

API = "aws:apigateway/restApi:RestApi"
DOMAIN = "aws:apigateway/domainName:DomainName"
POOL_DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain"
CERT = "arn:aws:acm:us-east-1:1:certificate/x"


def role(type_: str, props: dict[str, Any]) -> Role:
    return base_facts(res(type_, "x", props), STACK_CONFIG, {}).role


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        (API, {}),
        (API, {"endpointConfiguration": {"types": "EDGE"}}),
        (API, {"endpointConfiguration": {"types": ["EDGE"]}}),
        (API, {"endpointConfiguration": {"types": UNKNOWN}}),
        (API, {"endpointConfiguration": UNKNOWN}),
        (DOMAIN, {"certificateArn": CERT}),
        (DOMAIN, {"endpointConfiguration": {"types": "EDGE"}, "certificateArn": CERT}),
        (POOL_DOMAIN, {"domain": "login.example.co.id", "certificateArn": CERT}),
    ],
    ids=[
        "api default",
        "api edge",
        "api edge list",
        "api unknown type",
        "api unknown config",
        "domain default",
        "domain edge",
        "pool custom domain",
    ],
)
def test_an_edge_endpoint_is_global(type_: str, props: dict[str, Any]) -> None:
    assert role(type_, props) is Role.GLOBAL


@pytest.mark.parametrize(
    ("type_", "props", "expected"),
    [
        (API, {"endpointConfiguration": {"types": "REGIONAL"}}, Role.PROCESSOR),
        (API, {"endpointConfiguration": {"types": "PRIVATE"}}, Role.PROCESSOR),
        (DOMAIN, {"endpointConfiguration": {"types": "REGIONAL"}, "regionalCertificateArn": CERT}, Role.PROCESSOR),
        (DOMAIN, {"regionalCertificateArn": CERT}, Role.PROCESSOR),
        (POOL_DOMAIN, {"domain": "kyc-login"}, Role.PROCESSOR),
    ],
    ids=["api regional", "api private", "domain regional", "domain regional cert", "pool prefix domain"],
)
def test_a_regional_endpoint_keeps_its_role(type_: str, props: dict[str, Any], expected: Role) -> None:
    assert role(type_, props) is expected
