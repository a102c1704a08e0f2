"""RegionalNamespace: a namespace labelled with its data class, in one region's cluster."""

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from components.placement import ClusterPlacement, Residence


@dataclass(frozen=True)
class RegionalNamespaceArgs:
    residence: Residence
    cluster: ClusterPlacement
    namespace: str


class RegionalNamespace(pulumi.ComponentResource):
    name: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalNamespaceArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalNamespace", name, None, opts)
        args.residence.require_allowed("RegionalNamespace", name, args.cluster)
        ns = k8s.core.v1.Namespace(
            f"{name}-ns",
            metadata={"name": args.namespace, "labels": args.residence.labels()},
            opts=args.cluster.opts(self),
        )
        self.name = ns.metadata.name
        self.register_outputs({"name": self.name})
