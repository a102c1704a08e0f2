"""Shared shape of the region-pinned Kubernetes workloads: labels, namespace, pod spec."""

from typing import Any

import pulumi

from components.placement import ClusterPlacement, Residence


def metadata(name: str, namespace: pulumi.Input[str], residence: Residence) -> dict[str, Any]:
    return {"name": name, "namespace": namespace, "labels": residence.labels()}


def pod_template(
    name: str,
    residence: Residence,
    cluster: ClusterPlacement,
    container: dict[str, Any],
    service_account: str | None = None,
    extra_spec: dict[str, Any] | None = None,
) -> dict[str, Any]:
    spec: dict[str, Any] = {"containers": [container], **cluster.pod_placement(), **(extra_spec or {})}
    if service_account:
        spec["service_account_name"] = service_account
    return {"metadata": {"labels": {**residence.labels(), "app": name}}, "spec": spec}
