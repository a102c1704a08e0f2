from typing import Any

import pytest

from residency.facts.resource import ProviderInput, ResourceInput
from residency.rules.enforce_volume_region_topology import RULE
from tests.rules.fixtures import run

K8S = ProviderInput(
    "pulumi:providers:kubernetes",
    "urn:k8s",
    "k8s",
    {"clusterIdentifier": "arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc"},
)


def storage_class(name: str, regions: list[str] | None) -> ResourceInput:
    props: dict[str, Any] = {"metadata": {"name": name}, "provisioner": "ebs.csi.aws.com"}
    if regions is not None:
        props["allowedTopologies"] = [
            {"matchLabelExpressions": [{"key": "topology.kubernetes.io/region", "values": regions}]}
        ]
    return ResourceInput(f"urn:sc:{name}", "kubernetes:storage.k8s.io/v1:StorageClass", name, props, K8S)


def pvc(storage: str | None) -> ResourceInput:
    spec: dict[str, Any] = {"accessModes": ["ReadWriteOnce"]}
    if storage is not None:
        spec["storageClassName"] = storage
    return ResourceInput(
        "urn:pvc",
        "kubernetes:core/v1:PersistentVolumeClaim",
        "data",
        {"metadata": {"labels": {"quantumelixir.tech/data-class": "biometric"}}, "spec": spec},
        K8S,
    )


def test_baseline_passes() -> None:
    assert run(RULE, [storage_class("jkt", ["ap-southeast-3"]), pvc("jkt")]) == []


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        (
            [storage_class("any", None), pvc("any")],
            "whose allowedTopologies do not restrict topology.kubernetes.io/region",
        ),
        (
            [storage_class("sg", ["ap-southeast-1"]), pvc("sg")],
            "allowing ap-southeast-1; the cluster is in ap-southeast-3",
        ),
        ([pvc("gp2")], "uses StorageClass 'gp2', which this stack does not declare"),
        ([pvc(None)], "uses StorageClass the cluster default"),
    ],
)
def test_mutations(resources: list[ResourceInput], expected: str) -> None:
    messages = run(RULE, resources)
    assert len(messages) == 1 and expected in messages[0]


def terms(*expressions: list[dict[str, Any]]) -> ResourceInput:
    """A StorageClass with one allowedTopologies term per argument (the terms are ORed)."""
    sc = storage_class("jkt", None)
    sc.props["allowedTopologies"] = [{"matchLabelExpressions": e} for e in expressions]
    return sc


REGION_JKT = {"key": "topology.kubernetes.io/region", "values": ["ap-southeast-3"]}
ZONE_FRA = {"key": "topology.kubernetes.io/zone", "values": ["eu-central-1a"]}


@pytest.mark.parametrize(
    "sc",
    [terms([REGION_JKT], [ZONE_FRA]), terms([REGION_JKT], [])],
    ids=["second term on a zone only", "second term empty"],
)
def test_a_topology_term_without_a_region_unpins_the_volumes(sc: ResourceInput) -> None:
    """allowedTopologies terms are ORed: a term that does not restrict the region lets volumes be made anywhere."""
    messages = run(RULE, [sc, pvc("jkt")])
    assert len(messages) == 1 and "do not restrict topology.kubernetes.io/region" in messages[0], messages


def test_expressions_of_one_term_are_anded() -> None:
    assert run(RULE, [terms([REGION_JKT, {"key": "topology.kubernetes.io/zone", "values": ["x"]}]), pvc("jkt")]) == []


def test_an_unlabelled_claim_is_judged_too() -> None:
    """Its class is undetermined (the most restricted); waiving the tag rule must not waive where its volumes go."""
    claim = pvc("any")
    claim.props["metadata"]["labels"] = {}
    messages = run(RULE, [storage_class("any", None), claim])
    assert len(messages) == 1 and "(class undetermined)" in messages[0] and "do not restrict" in messages[0], messages
