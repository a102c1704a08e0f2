"""The cluster's region from every piece of evidence its provider gives, and where pods are pinned."""

import json
from typing import Any

import pytest
import yaml

from residency.facts.kubernetes import REGION_LABEL, cluster_region, pinned_regions
from residency.facts.resource import ProviderInput
from residency.facts.values import UNKNOWN

JKT_ARN = "arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1"
FRA_ARN = "arn:aws:eks:eu-central-1:111122223333:cluster/kyc-fra"
JKT_SERVER = "https://0123456789ABCDEF.gr7.ap-southeast-3.eks.amazonaws.com"
FRA_SERVER = "https://ABCDEF0123456789.gr7.eu-central-1.eks.amazonaws.com"


def provider(**props: Any) -> ProviderInput:
    return ProviderInput("pulumi:providers:kubernetes", "urn:k8s", "kyc", props)


def kubeconfig(
    name: str = JKT_ARN,
    server: str | None = JKT_SERVER,
    token_region: str | None = "ap-southeast-3",
    env: dict[str, str] | None = None,
    current: str | None = "kyc",
) -> dict[str, Any]:
    """A kubeconfig as `aws eks update-kubeconfig` writes it, with every piece of evidence settable."""
    args = ["eks", "get-token", "--cluster-name", "kyc"]
    if token_region is not None:
        args += ["--region", token_region]
    user_exec: dict[str, Any] = {"apiVersion": "client.authentication.k8s.io/v1beta1", "command": "aws", "args": args}
    if env is not None:
        user_exec["env"] = [{"name": k, "value": v} for k, v in env.items()]
    cluster: dict[str, Any] = {"certificate-authority-data": "LS0t"}
    if server is not None:
        cluster["server"] = server
    doc: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": name, "cluster": cluster}],
        "contexts": [{"name": "kyc", "context": {"cluster": name, "user": "kyc"}}],
        "users": [{"name": "kyc", "user": {"exec": user_exec}}],
    }
    if current is not None:
        doc["current-context"] = current
    return doc


def as_yaml(doc: dict[str, Any]) -> str:
    return str(yaml.safe_dump(doc))


def test_honest_kubeconfig_agrees_with_the_cluster_identifier() -> None:
    region, source = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=as_yaml(kubeconfig())))
    assert region == "ap-southeast-3", source
    assert "clusterIdentifier" in source and "gr7.ap-southeast-3.eks.amazonaws.com" in source


@pytest.mark.parametrize(
    "shape", [as_yaml, json.dumps, lambda doc: doc], ids=["yaml text", "json text", "object (an Output of a dict)"]
)
def test_a_lying_cluster_identifier_is_caught_whatever_the_kubeconfig_shape(shape: Any) -> None:
    """The red-team's case 11: the identifier says Jakarta, the kubeconfig connects to Frankfurt."""
    doc = kubeconfig(name=JKT_ARN, server=FRA_SERVER, token_region="eu-central-1")
    region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=shape(doc)))
    assert region is None
    assert "ap-southeast-3" in problem and "eu-central-1" in problem and "clusterIdentifier" in problem


def test_an_arn_that_is_only_a_cluster_name_does_not_outvote_the_server() -> None:
    """The red-team's case 12: no identifier; the Jakarta ARN names the cluster entry, the server is in Frankfurt."""
    doc = kubeconfig(name=JKT_ARN, server=FRA_SERVER, token_region="eu-central-1")
    region, problem = cluster_region(provider(kubeconfig=as_yaml(doc)))
    assert region is None
    assert "more than one region" in problem and FRA_SERVER.removeprefix("https://") in problem


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (kubeconfig(token_region="eu-central-1"), "--region eu-central-1"),
        (kubeconfig(token_region=None, env={"AWS_REGION": "eu-central-1"}), "AWS_REGION=eu-central-1"),
        (kubeconfig(token_region=None, env={"AWS_DEFAULT_REGION": "eu-central-1"}), "AWS_DEFAULT_REGION"),
        (kubeconfig(server=FRA_SERVER, token_region=None), "gr7.eu-central-1.eks.amazonaws.com"),
    ],
    ids=["token --region", "exec env AWS_REGION", "exec env AWS_DEFAULT_REGION", "server host"],
)
def test_each_piece_of_kubeconfig_evidence_counts(doc: dict[str, Any], expected: str) -> None:
    region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=as_yaml(doc)))
    assert region is None and expected in problem, problem


def test_the_current_context_decides_which_cluster_is_used() -> None:
    doc = kubeconfig(name="jkt")
    doc["clusters"].append({"name": "fra", "cluster": {"server": FRA_SERVER}})
    doc["users"].append({"name": "fra", "user": {"exec": {"command": "aws", "args": ["--region", "eu-central-1"]}}})
    doc["contexts"].append({"name": "fra", "context": {"cluster": "fra", "user": "fra"}})
    assert cluster_region(provider(kubeconfig=as_yaml(doc)))[0] == "ap-southeast-3"
    doc["current-context"] = "fra"
    assert cluster_region(provider(kubeconfig=as_yaml(doc)))[0] == "eu-central-1"
    # the provider's own `context` setting overrides current-context, as the provider does
    assert cluster_region(provider(kubeconfig=as_yaml(doc), context="kyc"))[0] == "ap-southeast-3"


@pytest.mark.parametrize(
    "server",
    [
        "https://34.101.12.7",
        "https://kyc-dns-1a2b3c4d.hcp.indonesiacentral.azmk8s.io:443",
        "https://kyc.proxy.example.co.id",
    ],
    ids=["GKE-style IP", "AKS", "a proxy"],
)
def test_a_server_that_is_not_an_eks_endpoint_leaves_the_region_undetermined(server: str) -> None:
    """An ARN label cannot vouch for a server the pack cannot place: the connection goes wherever the server is."""
    doc = kubeconfig(server=server, token_region=None)
    for props in ({"kubeconfig": as_yaml(doc)}, {"kubeconfig": as_yaml(doc), "clusterIdentifier": JKT_ARN}):
        region, problem = cluster_region(provider(**props))
        assert region is None and "not an EKS endpoint" in problem and server in problem, problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (UNKNOWN, "unknown during preview"),
        ("/home/ci/.kube/config", "not a kubeconfig document"),
        ("clusters: [unclosed", "cannot be read"),
        (kubeconfig(current="elsewhere"), "no context 'elsewhere'"),
    ],
    ids=["unknown", "a file path", "broken yaml", "missing current context"],
)
def test_a_kubeconfig_the_pack_cannot_read_fails_closed(value: Any, expected: str) -> None:
    region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=value))
    assert region is None and expected in problem, problem


def test_provider_settings_that_disagree_fail_closed() -> None:
    region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, context=FRA_ARN))
    assert region is None and "more than one region" in problem


def test_settings_without_a_kubeconfig_keep_working() -> None:
    """The platform stacks set clusterIdentifier and context to the cluster ARN and no kubeconfig."""
    assert cluster_region(provider(clusterIdentifier=JKT_ARN, context=JKT_ARN))[0] == "ap-southeast-3"
    assert cluster_region(provider(context=JKT_ARN))[0] == "ap-southeast-3"
    region, problem = cluster_region(provider(kubeconfig=as_yaml(kubeconfig(name="kyc", token_region=None))))
    assert region == "ap-southeast-3", problem


def test_an_unknown_value_inside_a_kubeconfig_object_fails_closed() -> None:
    for doc in (kubeconfig(server=UNKNOWN), kubeconfig(token_region=UNKNOWN), kubeconfig(current=UNKNOWN)):
        region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=doc))
        assert region is None and "unknown during preview" in problem, problem


JKT = "ap-southeast-3"


def pin(operator: str = "In", values: tuple[str, ...] = (JKT,), key: str = REGION_LABEL) -> dict[str, Any]:
    return {"key": key, "operator": operator, "values": list(values)}


def required(*terms: dict[str, Any]) -> dict[str, Any]:
    return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": list(terms)}}}


def pod_spec(affinity: dict[str, Any] | None = None, node_selector: dict[str, str] | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"containers": [{"name": "c", "image": "i"}]}
    if affinity is not None:
        spec["affinity"] = affinity
    if node_selector is not None:
        spec["nodeSelector"] = node_selector
    return spec


def deployment_pins(spec: dict[str, Any]) -> tuple[str, ...] | None:
    return pinned_regions("kubernetes:apps/v1:Deployment", {"spec": {"template": {"spec": spec}}})


LINUX = {"matchExpressions": [pin(key="kubernetes.io/os", values=("linux",))]}


@pytest.mark.parametrize(
    ("affinity", "expected"),
    [
        (required({"matchExpressions": [pin()]}), (JKT,)),
        (required({"matchExpressions": [pin()]}, LINUX), ()),
        (required({"matchExpressions": [pin()]}, {"matchFields": [pin(key="metadata.name", values=("n1",))]}), ()),
        (required({"matchExpressions": [pin()]}, {}), ()),
        (
            required({"matchExpressions": [pin()]}, {"matchExpressions": [pin(values=("ap-southeast-1",))]}),
            (
                "ap-southeast-1",
                JKT,
            ),
        ),
        (required({"matchExpressions": [pin(), pin(key="kubernetes.io/os", values=("linux",))]}), (JKT,)),
        (required({"matchExpressions": [pin("NotIn", ("eu-central-1",))]}), ()),
        (required({"matchExpressions": [pin("Exists", ())]}), ()),
        (required({"matchExpressions": [pin("DoesNotExist", ())]}), ()),
        (required({"matchExpressions": [pin(values=(JKT, "eu-central-1")), pin("NotIn", ("eu-central-1",))]}), (JKT,)),
        (required({"matchExpressions": [pin(values=(UNKNOWN,))]}), ()),
        (required({"matchExpressions": [pin()], "matchFields": [pin(key="metadata.name", values=("n1",))]}), (JKT,)),
    ],
    ids=[
        "one pinned term",
        "second term unpinned (ORed)",
        "second term only matchFields",
        "second term empty",
        "two terms, two regions",
        "pin ANDed with another expression",
        "NotIn is no pin",
        "Exists is no pin",
        "DoesNotExist is no pin",
        "In narrowed by NotIn",
        "unknown values are no pin",
        "matchFields ANDed with a pin",
    ],
)
def test_required_node_affinity_terms_are_ored(affinity: dict[str, Any], expected: tuple[str, ...]) -> None:
    assert deployment_pins(pod_spec(affinity)) == expected


def test_node_selector_and_affinity_are_anded() -> None:
    selector = {REGION_LABEL: JKT}
    assert deployment_pins(pod_spec(required(LINUX), selector)) == (JKT,)
    two = required({"matchExpressions": [pin(values=(JKT, "eu-central-1"))]})
    assert deployment_pins(pod_spec(two, selector)) == (JKT,)


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("kubernetes:core/v1:PodTemplate", {"template": {"spec": "SPEC"}}),
        ("kubernetes:core/v1:ReplicationController", {"spec": {"template": {"spec": "SPEC"}}}),
        ("kubernetes:apps/v1beta1:Deployment", {"spec": {"template": {"spec": "SPEC"}}}),
        ("kubernetes:extensions/v1beta1:DaemonSet", {"spec": {"template": {"spec": "SPEC"}}}),
        ("kubernetes:batch/v1beta1:CronJob", {"spec": {"jobTemplate": {"spec": {"template": {"spec": "SPEC"}}}}}),
        ("kubernetes:apps/v1:StatefulSetPatch", {"spec": {"template": {"spec": "SPEC"}}}),
        ("kubernetes:apps/v1:DeploymentList", {"items": [{"spec": {"template": {"spec": "SPEC"}}}]}),
    ],
)
def test_every_kind_that_runs_pods_is_judged_on_its_pinning(token: str, props: dict[str, Any]) -> None:
    def with_spec(spec: dict[str, Any]) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(json.dumps(props).replace('"SPEC"', json.dumps(spec)))
        return loaded

    assert pinned_regions(token, with_spec(pod_spec(required({"matchExpressions": [pin()]})))) == (JKT,)
    assert pinned_regions(token, with_spec(pod_spec(required({"matchExpressions": [pin()]}, LINUX)))) == ()


def test_a_list_is_pinned_only_when_every_item_is() -> None:
    item = {"spec": {"template": {"spec": pod_spec(node_selector={REGION_LABEL: JKT})}}}
    loose = {"spec": {"template": {"spec": pod_spec()}}}
    assert pinned_regions("kubernetes:apps/v1:DeploymentList", {"items": [item, item]}) == (JKT,)
    assert pinned_regions("kubernetes:apps/v1:DeploymentList", {"items": [item, loose]}) == ()


def test_a_patch_that_leaves_scheduling_alone_is_not_judged_on_pinning() -> None:
    """A patch merges into the live object: without nodeSelector or affinity it cannot unpin the pods."""
    image_only = {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "i:2"}]}}}}
    assert pinned_regions("kubernetes:apps/v1:DeploymentPatch", image_only) is None
    assert pinned_regions("kubernetes:apps/v1:DeploymentPatch", {"spec": {"replicas": 3}}) is None
    assert pinned_regions("kubernetes:core/v1:Service", {"spec": {}}) is None


@pytest.mark.parametrize(
    ("args", "server", "expected"),
    [
        (["eks", "get-token", "--region=eu-central-1"], JKT_SERVER, "--region eu-central-1"),
        (["eks", "get-token", "--region"], JKT_SERVER, "--region without a value"),
        (["eks", "get-token"], "https://[::1", "not an EKS endpoint"),
    ],
    ids=["--region=", "dangling --region", "malformed server URL"],
)
def test_odd_kubeconfig_spellings_fail_closed(args: list[str], server: str, expected: str) -> None:
    doc = kubeconfig(server=server, token_region=None)
    doc["users"][0]["user"]["exec"]["args"] = args
    region, problem = cluster_region(provider(clusterIdentifier=JKT_ARN, kubeconfig=as_yaml(doc)))
    assert region is None and expected in problem, problem


def test_yaml_values_that_are_not_json_do_not_break_the_reader() -> None:
    text = as_yaml(kubeconfig(current=None)) + "preferences: {since: 2026-01-01}\n"
    assert cluster_region(provider(kubeconfig=text))[0] == "ap-southeast-3"


def test_a_kubeconfig_alias_bomb_is_refused_not_expanded() -> None:
    levels = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 9))
    bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + levels
    region, why = cluster_region(provider(kubeconfig=bomb))
    assert region is None and "alias bomb" in why
