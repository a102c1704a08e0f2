"""A pod's hostAliases that send a name somewhere else than it says lead to an undetermined region."""

from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN

JKT = ProviderInput(
    "pulumi:providers:kubernetes", "urn:k8s", "k8s", {"clusterIdentifier": "arn:aws:eks:ap-southeast-3:1:cluster/c"}
)
DEPLOYMENT = "kubernetes:apps/v1:Deployment"


def problems(aliases: list[dict[str, Any]]) -> list[str]:
    spec = {"template": {"spec": {"hostAliases": aliases, "containers": [{"name": "a", "image": "x"}]}}}
    props = {"metadata": {"labels": {"quantumelixir.tech/data-class": "customer-pii"}}, "spec": spec}
    res = ResourceInput(f"urn:pulumi:s::p::{DEPLOYMENT}::d", DEPLOYMENT, "d", props, JKT)
    (f,) = build_facts([res], {}, {})
    return sorted({e.problem for e in f.copies if e.problem and e.problem.startswith("hostAliases sends")})


@pytest.mark.parametrize(
    "alias",
    [
        {"ip": "85.214.132.117", "hostnames": ["s3.ap-southeast-3.amazonaws.com"]},
        {"ip": "10.1.2.3", "hostnames": ["kyc.cluster-a.ap-southeast-3.rds.amazonaws.com"]},
        {"ip": "85.214.132.117", "hostnames": ["files.example.co.id"]},
        {"ip": UNKNOWN, "hostnames": ["files.example.co.id"]},
    ],
    ids=["aws host to public ip", "aws host to private ip", "any host to public ip", "unknown address"],
)
def test_an_alias_that_redirects_fails_closed(alias: dict[str, Any]) -> None:
    (problem,) = problems([alias])
    assert "hostAliases sends" in problem


def test_a_private_alias_for_a_private_name_stays() -> None:
    assert problems([{"ip": "10.20.3.4", "hostnames": ["legacy-core.internal"]}]) == []
