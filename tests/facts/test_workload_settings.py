"""A ConfigMap or Secret that a workload takes environment or files from is judged as that workload's settings."""

from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.model.catalogue import Role

JKT = ProviderInput(
    "pulumi:providers:kubernetes", "urn:k8s", "k8s", {"clusterIdentifier": "arn:aws:eks:ap-southeast-3:1:cluster/c"}
)
CM = "kubernetes:core/v1:ConfigMap"
DEPLOYMENT = "kubernetes:apps/v1:Deployment"


def k8s(type_: str, name: str, props: dict[str, Any], deps: tuple[str, ...] = ()) -> ResourceInput:
    return ResourceInput(f"urn:pulumi:s::p::{type_}::{name}", type_, name, props, JKT, dependencies=deps)


def deployment(container: dict[str, Any], volumes: list[Any] | None = None) -> ResourceInput:
    spec = {"containers": [{"name": "a", "image": "x", **container}], "volumes": volumes or []}
    return k8s(DEPLOYMENT, "d", {"metadata": {"namespace": "kyc"}, "spec": {"template": {"spec": spec}}})


CONFIG = k8s(CM, "cm", {"metadata": {"name": "settings", "namespace": "kyc"}, "data": {"EXPORT_BUCKET": "partner"}})


@pytest.mark.parametrize(
    "workload",
    [
        deployment({"envFrom": [{"configMapRef": {"name": "settings"}}]}),
        deployment({"env": [{"name": "B", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "k"}}}]}),
        deployment({}, [{"name": "v", "configMap": {"name": "settings"}}]),
        deployment({}, [{"name": "v", "projected": {"sources": [{"configMap": {"name": "settings"}}]}}]),
    ],
    ids=["envFrom", "valueFrom", "volume", "projected volume"],
)
def test_a_used_config_map_is_scanned_like_the_workload(workload: ResourceInput) -> None:
    config, _ = build_facts([CONFIG, workload], {}, {})
    assert config.role is Role.PROCESSOR
    assert any(r.problem and "partner" in r.problem for r in config.references)


def test_an_unused_config_map_or_one_of_another_namespace_stays_control() -> None:
    other = k8s(CM, "cm", {"metadata": {"name": "settings", "namespace": "ops"}, "data": {"EXPORT_BUCKET": "p"}})
    for config in (CONFIG, other):
        found, _ = build_facts([config, deployment({"envFrom": [{"configMapRef": {"name": "settings"}}]})], {}, {})
        assert found.role is (Role.PROCESSOR if config is CONFIG else Role.CONTROL)
    alone, _ = build_facts([CONFIG, deployment({})], {}, {})
    assert alone.role is Role.CONTROL


def test_a_secrets_base64_data_is_read_decoded() -> None:
    secret = k8s(
        "kubernetes:core/v1:Secret",
        "s",
        {"metadata": {"name": "creds", "namespace": "kyc"}, "data": {"SFTP_HOST": "c2Z0cC5wYXJ0bmVyLmV4YW1wbGUuZGU="}},
    )
    config, _ = build_facts([secret, deployment({"envFrom": [{"secretRef": {"name": "creds"}}]})], {}, {})
    assert any(r.problem and "sftp.partner.example.de" in r.problem for r in config.references)


def test_a_config_map_used_by_an_item_of_a_workload_list_is_scanned() -> None:
    """A DeploymentList keeps each workload (its namespace and pod spec) under items."""
    item = deployment({"envFrom": [{"configMapRef": {"name": "settings"}}]}).props
    workloads = k8s(f"{DEPLOYMENT}List", "dl", {"items": [item]})
    config, _ = build_facts([CONFIG, workloads], {}, {})
    assert config.role is Role.PROCESSOR
