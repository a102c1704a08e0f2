"""Kubernetes: the cluster's region (from its provider) and where a workload's pods are pinned."""

from typing import Any

from residency.facts.resource import ProviderInput
from residency.facts.values import arn_region, as_list, get_path, is_unknown, reveal
from residency.model.platform_settings import EKS_CLUSTER_ARN

REGION_LABEL = "topology.kubernetes.io/region"

WORKLOAD_POD_SPEC: dict[str, tuple[str, ...]] = {
    "kubernetes:apps/v1:Deployment": ("spec", "template", "spec"),
    "kubernetes:apps/v1:StatefulSet": ("spec", "template", "spec"),
    "kubernetes:apps/v1:DaemonSet": ("spec", "template", "spec"),
    "kubernetes:apps/v1:ReplicaSet": ("spec", "template", "spec"),
    "kubernetes:batch/v1:Job": ("spec", "template", "spec"),
    "kubernetes:batch/v1:CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "kubernetes:core/v1:Pod": ("spec",),
}
DATA_TYPES = frozenset({*WORKLOAD_POD_SPEC, "kubernetes:core/v1:PersistentVolumeClaim"})


def cluster_region(provider: ProviderInput | None) -> tuple[str | None, str]:
    """The EKS cluster's region from the provider's cluster identifier, context, cluster or kubeconfig."""
    if provider is None or provider.is_default:
        return None, "the default Kubernetes provider (ambient kubeconfig) names no cluster region"
    props = reveal(provider.props)
    for key in ("clusterIdentifier", "context", "cluster"):
        value = props.get(key)
        if is_unknown(value):
            return None, f"Kubernetes provider {provider.name}'s {key} is unknown during preview"
        if arn_region(value):
            return arn_region(value), f"EKS cluster ARN in provider {provider.name}'s {key}"
    kubeconfig = props.get("kubeconfig")
    if isinstance(kubeconfig, str) and not is_unknown(kubeconfig):
        regions = set(EKS_CLUSTER_ARN.findall(kubeconfig))
        if len(regions) == 1:
            return regions.pop(), f"EKS cluster ARN in provider {provider.name}'s kubeconfig"
    return None, (
        f"Kubernetes provider {provider.name} names no EKS cluster ARN (set clusterIdentifier, or a "
        "context that is the cluster ARN)"
    )


def pinned_regions(resource_type: str, props: dict[str, Any]) -> tuple[str, ...] | None:
    """Regions pods may run in (nodeSelector or required node affinity): () when unpinned, None for non-workloads."""
    path = WORKLOAD_POD_SPEC.get(resource_type)
    if path is None:
        return None
    spec = get_path(reveal(props), *path) or {}
    selected = get_path(spec, "nodeSelector", REGION_LABEL)
    regions: set[str] = {selected} if isinstance(selected, str) else set()
    terms = get_path(
        spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"
    )
    for term in as_list(terms):
        for expr in as_list(term.get("matchExpressions") if isinstance(term, dict) else None):
            if isinstance(expr, dict) and expr.get("key") == REGION_LABEL and expr.get("operator") == "In":
                regions |= {v for v in as_list(expr.get("values")) if isinstance(v, str)}
    return tuple(sorted(regions))
