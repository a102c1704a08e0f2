"""Role decisions for pulumi_kubernetes kinds; `List` and `Patch` variants share their kind's role."""

C, S, P = "control", "store", "processor"

WORKLOADS = frozenset(
    {
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "Job",
        "CronJob",
        "Pod",
        "PodTemplate",
        "ReplicationController",
    }
)
STORES = frozenset({"PersistentVolume", "PersistentVolumeClaim", "VolumeSnapshot", "VolumeSnapshotContent"})
OPAQUE_GROUPS = ("helm.sh", "yaml", "kustomize", "apiextensions.k8s.io/v1:CustomResource")
CONTROL_WHY = (
    "cluster configuration (RBAC, networking, scheduling, admission, metadata): the data lives in workloads and "
    "volumes, which are judged"
)


def kubernetes_role(token: str) -> tuple[str, str]:
    kind = token.rsplit(":", 1)[1]
    for suffix in ("List", "Patch"):
        if kind.endswith(suffix) and kind != suffix:
            kind = kind.removesuffix(suffix)
    if kind in WORKLOADS:
        return P, "runs pods that read data"
    if kind in STORES:
        return S, "a volume: data at rest"
    if any(group in token for group in OPAQUE_GROUPS):
        return P, "expands into objects the pack cannot see before deployment"
    return C, CONTROL_WHY
