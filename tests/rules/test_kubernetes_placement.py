"""Kubernetes workloads: the cluster's region from its provider, and pods pinned to it."""

from typing import Any

import pytest

from residency.facts.resource import ProviderInput, ResourceInput
from residency.rules.require_data_class_tag import RULE as TAG
from residency.rules.restrict_data_class_region import RULE as REGION
from tests.conftest import ID_SG
from tests.rules.fixtures import run

JKT_ARN = "arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc"
SIN_ARN = "arn:aws:eks:ap-southeast-1:111122223333:cluster/kyc"
LABEL = "quantumelixir.tech/data-class"


def cluster(**props: Any) -> ProviderInput:
    return ProviderInput("pulumi:providers:kubernetes", "urn:k8s", "k8s", props)


def deployment(
    provider: ProviderInput | None,
    labels: dict[str, str] | None = None,
    node_selector: dict[str, str] | None = None,
    affinity: dict[str, Any] | None = None,
) -> ResourceInput:
    spec: dict[str, Any] = {"containers": [{"name": "c", "image": "i"}]}
    if node_selector is not None:
        spec["nodeSelector"] = node_selector
    if affinity is not None:
        spec["affinity"] = affinity
    props = {
        "metadata": {"labels": labels if labels is not None else {LABEL: "customer-pii"}},
        "spec": {"template": {"spec": spec}},
    }
    return ResourceInput(
        "urn:pulumi:dev::p::kubernetes:apps/v1:Deployment::api", "kubernetes:apps/v1:Deployment", "api", props, provider
    )


PINNED = {"topology.kubernetes.io/region": "ap-southeast-3"}


def default_cluster(**config: Any) -> ProviderInput:
    """The engine's default provider, filled from the stack's `kubernetes:` config keys."""
    return ProviderInput("pulumi:providers:kubernetes", "urn:k8s-default", "default_4_34_2", config)


def test_baseline_passes() -> None:
    assert run(REGION, [deployment(cluster(clusterIdentifier=JKT_ARN), node_selector=PINNED)]) == []


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (
            deployment(
                cluster(clusterIdentifier=SIN_ARN), node_selector={"topology.kubernetes.io/region": "ap-southeast-1"}
            ),
            "customer-pii may not live in ap-southeast-1",
        ),
        (deployment(cluster(clusterIdentifier=JKT_ARN)), "its pods are not pinned to a region"),
        (
            deployment(
                cluster(clusterIdentifier=JKT_ARN), node_selector={"topology.kubernetes.io/region": "ap-southeast-1"}
            ),
            "pods pinned to ap-southeast-1",
        ),
        (
            deployment(cluster(kubeconfig="apiVersion: v1"), node_selector=PINNED),
            "Kubernetes provider k8s names no EKS cluster ARN",
        ),
        (
            deployment(None, node_selector=PINNED),
            "the default Kubernetes provider connects through the ambient kubeconfig",
        ),
        (
            deployment(default_cluster(namespace="kyc"), node_selector=PINNED),
            "set kubernetes:context to the EKS cluster ARN in the stack config",
        ),
        (
            deployment(default_cluster(context=SIN_ARN), node_selector=PINNED),
            "customer-pii may not live in ap-southeast-1",
        ),
    ],
)
def test_mutations(resource: ResourceInput, expected: str) -> None:
    messages = run(REGION, [resource])
    assert len(messages) == 1 and expected in messages[0], messages


def test_cluster_region_from_context_or_kubeconfig() -> None:
    assert run(REGION, [deployment(cluster(context=JKT_ARN), node_selector=PINNED)]) == []
    kubeconfig = f"contexts:\n- name: {JKT_ARN}\n  context: {{cluster: {JKT_ARN}}}\n"
    assert run(REGION, [deployment(cluster(kubeconfig=kubeconfig), node_selector=PINNED)]) == []


def test_the_default_provider_is_judged_on_the_stack_config_it_is_built_from() -> None:
    # `kubernetes:context: <EKS ARN>` in Pulumi.<stack>.yaml: the same evidence as an explicit provider's context
    assert run(REGION, [deployment(default_cluster(context=JKT_ARN), node_selector=PINNED)]) == []
    kubeconfig = f"contexts:\n- name: {JKT_ARN}\n  context: {{cluster: {JKT_ARN}}}\n"
    assert run(REGION, [deployment(default_cluster(kubeconfig=kubeconfig), node_selector=PINNED)]) == []
    # a path is read on the deploying machine, out of the pack's sight
    (message,) = run(REGION, [deployment(default_cluster(kubeconfig="~/.kube/config"), node_selector=PINNED)])
    assert "stack config kubernetes:kubeconfig is not a kubeconfig document" in message
    # the default provider's settings are named where its author wrote them, not as provider default_4_34_2's
    (message,) = run(REGION, [deployment(default_cluster(context="minikube"), node_selector=PINNED)])
    assert "stack config (kubernetes:*) names no EKS cluster ARN (set kubernetes:context to the cluster ARN" in message


def test_required_node_affinity_counts_as_pinning() -> None:
    affinity = {
        "nodeAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": {
                "nodeSelectorTerms": [
                    {
                        "matchExpressions": [
                            {"key": "topology.kubernetes.io/region", "operator": "In", "values": ["ap-southeast-3"]}
                        ]
                    }
                ]
            }
        }
    }
    assert run(REGION, [deployment(cluster(clusterIdentifier=JKT_ARN), affinity=affinity)]) == []


def test_singapore_cluster_under_id_sg() -> None:
    pinned_sg = {"topology.kubernetes.io/region": "ap-southeast-1"}
    assert run(REGION, [deployment(cluster(clusterIdentifier=SIN_ARN), node_selector=pinned_sg)], ID_SG) == []


def test_unlabelled_workload_is_flagged_by_the_tag_rule_in_kubernetes_words() -> None:
    (message,) = run(TAG, [deployment(cluster(clusterIdentifier=JKT_ARN), labels={})])
    assert "no 'quantumelixir.tech/data-class' label" in message
    assert "metadata.labels carry quantumelixir.tech/data-class with one of: " in message and "tagged" not in message


def test_an_unpinned_or_term_unpins_the_pods() -> None:
    """The red-team's case 13: nodeSelectorTerms are ORed, so a second term without a region lets pods go anywhere."""
    region_term = {
        "matchExpressions": [{"key": "topology.kubernetes.io/region", "operator": "In", "values": ["ap-southeast-3"]}]
    }
    linux_term = {"matchExpressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]}]}
    affinity = {
        "nodeAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [region_term, linux_term]}
        }
    }
    messages = run(REGION, [deployment(cluster(clusterIdentifier=JKT_ARN), affinity=affinity)])
    assert len(messages) == 1 and "its pods are not pinned to a region" in messages[0], messages


IAD_ARN = "arn:aws:eks:us-east-1:111122223333:cluster/kyc-us"


def labelled(type_: str, name: str, labels: dict[str, str], provider: ProviderInput) -> ResourceInput:
    props = {"metadata": {"labels": labels}, "data": {"customers.csv": "nik,name"}}
    return ResourceInput(f"urn:pulumi:dev::p::{type_}::{name}", type_, name, props, provider)


@pytest.mark.parametrize(
    "type_", ["kubernetes:core/v1:Secret", "kubernetes:core/v1:ConfigMap", "kubernetes:core/v1:Service"]
)
def test_a_labelled_object_is_judged_where_it_is_whatever_its_role(type_: str) -> None:
    """The red-team's case 14: the label says the object holds customer-pii, so etcd abroad holds customer-pii."""
    abroad = labelled(type_, "customers", {LABEL: "customer-pii"}, cluster(clusterIdentifier=IAD_ARN))
    messages = run(REGION, [abroad])
    assert len(messages) == 1 and "customer-pii may not live in us-east-1" in messages[0], messages
    at_home = labelled(type_, "customers", {LABEL: "customer-pii"}, cluster(clusterIdentifier=JKT_ARN))
    assert run(REGION, [at_home]) == []


def test_a_labelled_object_in_a_cluster_of_unknown_region_fails_closed() -> None:
    secret = labelled("kubernetes:core/v1:Secret", "customers", {LABEL: "customer-pii"}, cluster(context="kyc"))
    messages = run(REGION, [secret])
    assert len(messages) == 1 and "its region cannot be determined" in messages[0], messages


def test_a_label_that_names_no_class_is_judged_as_the_most_restricted_class() -> None:
    secret = labelled("kubernetes:core/v1:Secret", "customers", {LABEL: "pii"}, cluster(clusterIdentifier=SIN_ARN))
    messages = run(REGION, [secret], ID_SG)
    assert len(messages) == 1 and "most restricted" in messages[0], messages


def test_unlabelled_configuration_stays_out_of_the_placement_rule() -> None:
    config = labelled("kubernetes:core/v1:ConfigMap", "flags", {"app": "kyc"}, cluster(clusterIdentifier=IAD_ARN))
    assert run(REGION, [config]) == []


def test_a_component_the_program_expands_itself_says_why_its_provider_is_not_seen() -> None:
    # helm v3 Chart: the engine sends it without a provider even when the program passed one
    chart = ResourceInput(
        "urn:pulumi:dev::p::kubernetes:helm.sh/v3:Chart::nginx", "kubernetes:helm.sh/v3:Chart", "nginx", {}, None
    )
    (message,) = run(REGION, [chart])
    assert "expanded inside the program and reaches policy packs without its provider" in message
    assert "use kubernetes.helm.v4.Chart" in message and "ambient kubeconfig" not in message
