"""WebhookDispatcher: delivers queued webhooks from the egress region's cluster, consuming that region's outbox."""

from dataclasses import dataclass
from typing import Any, cast

import pulumi
import pulumi_kubernetes as k8s

from components.placement import ClusterPlacement, Residence, ResidencyComponentError
from components.workload import metadata, pod_template
from residency.model.data_classes import DataClass


@dataclass(frozen=True)
class WebhookDispatcherArgs:
    residence: Residence
    cluster: ClusterPlacement
    namespace: pulumi.Input[str]
    queue_url: pulumi.Input[str]
    image: str = "ghcr.io/quantumelixir/webhook-dispatcher:1.0.0"
    replicas: int = 2


class WebhookDispatcher(pulumi.ComponentResource):
    def __init__(self, name: str, args: WebhookDispatcherArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:WebhookDispatcher", name, None, opts)
        if args.residence.data_class is not DataClass.WEBHOOK_OUTBOX:
            raise ResidencyComponentError(f"WebhookDispatcher {name!r} handles webhook-outbox data only")
        args.residence.require_allowed("WebhookDispatcher", name, args.cluster)
        container: dict[str, Any] = {
            "name": "dispatcher",
            "image": args.image,
            "env": [
                {"name": "OUTBOX_QUEUE_URL", "value": args.queue_url},
                {"name": "AWS_REGION", "value": args.cluster.region.aws},
            ],
        }
        k8s.apps.v1.Deployment(
            f"{name}-deployment",
            metadata=cast(Any, metadata(name, args.namespace, args.residence)),
            spec=cast(
                Any,
                {
                    "replicas": args.replicas,
                    "selector": {"match_labels": {"app": name}},
                    "template": pod_template(name, args.residence, args.cluster, container),
                },
            ),
            opts=args.cluster.opts(self),
        )
        self.register_outputs({})
