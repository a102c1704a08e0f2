"""Where a component lands and what it holds, checked against the residency posture before anything registers."""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws
import pulumi_kubernetes as k8s

from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.regions import Region
from residency.model.settings import PLATFORM_COLLECTION, Collection

MANAGED_BY = "residency-iac"


class ResidencyComponentError(ValueError):
    """A component was asked to hold a data class where the settings forbid it."""


@dataclass(frozen=True)
class _Pinned:
    region: Region
    provider: pulumi.ProviderResource

    def opts(self, parent: pulumi.Resource) -> pulumi.ResourceOptions:
        """Children land with the stack's provider for this region, and nowhere else."""
        return pulumi.ResourceOptions(parent=parent, provider=self.provider)


@dataclass(frozen=True)
class Placement(_Pinned):
    """An AWS provider and the logical region it is pinned to; built by the stack, never by a component."""

    provider: aws.Provider


@dataclass(frozen=True)
class ClusterPlacement(_Pinned):
    """A Kubernetes provider for the cluster of one region; built by the stack from its config."""

    provider: k8s.Provider

    def pod_placement(self) -> dict[str, object]:
        """Pods pinned to this region, so a restricted workload can never be scheduled elsewhere."""
        return {"node_selector": {"topology.kubernetes.io/region": self.region.aws}}


@dataclass(frozen=True)
class Residence:
    """What a component holds (class, collection) and under which posture it is judged."""

    data_class: DataClass
    posture: Posture
    collection: Collection | None = None

    @property
    def collection_name(self) -> str:
        return self.collection.name if self.collection else PLATFORM_COLLECTION

    def labels(self) -> dict[str, str]:
        return {
            "quantumelixir.tech/data-class": self.data_class.value,
            "quantumelixir.tech/collection": self.collection_name,
            "app.kubernetes.io/managed-by": MANAGED_BY,
        }

    def tags(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {
            "data-class": self.data_class.value,
            "collection": self.collection_name,
            "managed-by": MANAGED_BY,
            **(extra or {}),
        }

    def retention_days(self) -> int:
        return self.posture.settings.org.retention_days.for_class(self.data_class)

    def require_allowed(self, component: str, name: str, placement: _Pinned) -> None:
        verdict = self.posture.placement_verdict(self.data_class, placement.region.aws, self.collection)
        if not verdict.allowed:
            raise ResidencyComponentError(f"{component} {name!r} (collection {self.collection_name}): {verdict.reason}")
