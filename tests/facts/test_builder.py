"""What the builder decides per resource before any rule runs: here, the role of labelled Kubernetes objects."""

from typing import Any

import pytest

from residency.facts.builder import base_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN
from residency.model.catalogue import Role

K8S = ProviderInput(
    "pulumi:providers:kubernetes", "urn:k8s", "k8s", {"clusterIdentifier": "arn:aws:eks:us-east-1:1:cluster/c"}
)
SECRET = "kubernetes:core/v1:Secret"


def facts_for(labels: Any, type_: str = SECRET) -> tuple[Role, bool]:
    res = ResourceInput(f"urn:pulumi:s::p::{type_}::x", type_, "x", {"metadata": {"labels": labels}}, K8S)
    f = base_facts(res, {}, {})
    return f.role, f.is_data_store


@pytest.mark.parametrize(
    "labels",
    [
        {"quantumelixir.tech/data-class": "customer-pii"},
        {"quantumelixir.tech/data-class": "pii"},
        {"quantumelixir.tech/dataclass": "customer-pii"},
        UNKNOWN,
    ],
    ids=["a class", "a value that is no class", "a near-miss key", "labels unknown during preview"],
)
def test_a_configuration_object_labelled_with_a_data_class_is_a_store(labels: Any) -> None:
    assert facts_for(labels) == (Role.STORE, True)
    assert facts_for(labels, "kubernetes:core/v1:ConfigMap") == (Role.STORE, True)


def test_unlabelled_configuration_keeps_its_catalogue_role() -> None:
    assert facts_for({"app": "kyc"}) == (Role.CONTROL, False)
    assert facts_for({"quantumelixir.tech/data-class": "customer-pii"}, "kubernetes:apps/v1:Deployment")[0] is (
        Role.PROCESSOR
    )


def test_a_missing_tag_under_an_explicit_provider_says_stack_default_tags_do_not_reach_it() -> None:
    from residency.facts.builder import build_facts
    from tests.rules.fixtures import JKT, res

    config = {"aws:region": "ap-southeast-3", "aws:defaultTags": '{"tags": {"data-class": "customer-pii"}}'}
    explicit, default = (
        res("aws:s3/bucket:Bucket", name, {"bucket": name}, provider)
        for name, provider in (("explicit", JKT), ("default", None))
    )
    got = {f.resource.name: f.class_problem for f in build_facts([explicit, default], config, {})}
    assert got["explicit"] is not None and f"set default_tags on provider {JKT.name}" in got["explicit"]
    assert got["default"] == "no 'data-class' tag"  # no provider recorded: nothing more is known
