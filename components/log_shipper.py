"""LogShipper: a DaemonSet shipping API or audit logs to the same-region LogSink."""

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from components.placement import ClusterPlacement, Residence, ResidencyComponentError
from components.workload import metadata, pod_template
from residency.model.controls import SHIPPED_LOG_CLASSES


@dataclass(frozen=True)
class LogShipperArgs:
    residence: Residence
    cluster: ClusterPlacement
    namespace: pulumi.Input[str]
    log_group_name: pulumi.Input[str]
    image: str = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2"


class LogShipper(pulumi.ComponentResource):
    def __init__(self, name: str, args: LogShipperArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:LogShipper", name, None, opts)
        if args.residence.data_class not in SHIPPED_LOG_CLASSES:
            shipped = " or ".join(c.value for c in SHIPPED_LOG_CLASSES)
            raise ResidencyComponentError(f"LogShipper {name!r} ships {shipped} only")
        args.residence.require_allowed("LogShipper", name, args.cluster)
        container = {
            "name": "fluent-bit",
            "image": args.image,
            "env": [
                {"name": "LOG_GROUP_NAME", "value": args.log_group_name},
                {"name": "AWS_REGION", "value": args.cluster.region.aws},
            ],
            "volume_mounts": [{"name": "varlog", "mount_path": "/var/log", "read_only": True}],
        }
        k8s.apps.v1.DaemonSet(
            f"{name}-daemonset",
            metadata=metadata(name, args.namespace, args.residence),
            spec={
                "selector": {"match_labels": {"app": name}},
                "template": pod_template(
                    name,
                    args.residence,
                    args.cluster,
                    container,
                    extra_spec={"volumes": [{"name": "varlog", "host_path": {"path": "/var/log"}}]},
                ),
            },
            opts=args.cluster.opts(self),
        )
        self.register_outputs({})
