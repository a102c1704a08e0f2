"""An in-cluster name for a place outside the cluster (ExternalName, hand-written endpoints) is a conduit there."""

from typing import Any

import pytest

from residency.facts.builder import base_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN
from residency.model.catalogue import Role

JKT = ProviderInput(
    "pulumi:providers:kubernetes", "urn:k8s", "k8s", {"clusterIdentifier": "arn:aws:eks:ap-southeast-3:1:cluster/c"}
)
SERVICE = "kubernetes:core/v1:Service"
ENDPOINTS = "kubernetes:core/v1:Endpoints"
SLICE = "kubernetes:discovery.k8s.io/v1:EndpointSlice"
INGRESS = "kubernetes:networking.k8s.io/v1:Ingress"


def facts(type_: str, props: dict[str, Any]) -> tuple[Role, str | None]:
    f = base_facts(ResourceInput(f"urn:pulumi:s::p::{type_}::x", type_, "x", props, JKT), {}, {})
    return f.role, f.region


def mirror(url: str) -> dict[str, Any]:
    return {"metadata": {"annotations": {"nginx.ingress.kubernetes.io/mirror-target": url}}}


def external(name: Any) -> dict[str, Any]:
    return {"spec": {"type": "ExternalName", "externalName": name}}


@pytest.mark.parametrize(
    ("type_", "props", "region"),
    [
        (SERVICE, external("kyc.partner.example.de"), None),
        (SERVICE, external(UNKNOWN), None),
        (SERVICE, external("db.abc.us-east-1.rds.amazonaws.com"), "us-east-1"),
        (SERVICE, external("db.abc.ap-southeast-3.rds.amazonaws.com.partner.example.de"), None),
        ("kubernetes:core/v1:ServicePatch", external("kyc.partner.example.de"), None),
        (ENDPOINTS, {"subsets": [{"addresses": [{"ip": "85.214.132.117"}]}]}, None),
        (SLICE, {"endpoints": [{"addresses": ["sftp.partner.example.de"]}]}, None),
        (INGRESS, mirror("https://mirror.partner.example.de$request_uri"), None),
        (INGRESS, mirror("https://x.execute-api.us-east-1.amazonaws.com/p"), "us-east-1"),
    ],
    ids=[
        "partner host",
        "unknown",
        "rds abroad",
        "aws name extended",
        "patch",
        "public ip",
        "fqdn slice",
        "mirror",
        "mirror to us",
    ],
)
def test_a_name_for_a_place_outside_leads_there(type_: str, props: dict[str, Any], region: str | None) -> None:
    assert facts(type_, props) == (Role.MOVER, region)


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        (SERVICE, external("db.abc.ap-southeast-3.rds.amazonaws.com")),
        (SERVICE, external("valkey.platform.svc.cluster.local")),
        (SERVICE, {"spec": {"type": "ClusterIP", "selector": {"app": "kyc"}}}),
        (ENDPOINTS, {"subsets": [{"addresses": [{"ip": "10.20.3.4"}]}]}),
        (SLICE, {"endpoints": [{"addresses": ["10.20.3.4"]}]}),
        (INGRESS, mirror("http://shadow.kyc.svc.cluster.local$request_uri")),
        (INGRESS, {"metadata": {"annotations": {"kubernetes.io/ingress.class": "nginx"}}}),
    ],
    ids=[
        "rds in jakarta",
        "in-cluster",
        "plain service",
        "private ip",
        "private slice",
        "in-cluster mirror",
        "no mirror",
    ],
)
def test_names_inside_the_cluster_or_its_region_stay_control(type_: str, props: dict[str, Any]) -> None:
    assert facts(type_, props) == (Role.CONTROL, "ap-southeast-3")
