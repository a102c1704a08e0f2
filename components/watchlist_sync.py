"""WatchlistSync: a daily CronJob in id-jkt-1 that pulls the us-iad-1 watchlist source into Jakarta."""

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from components.placement import ClusterPlacement, Residence, ResidencyComponentError
from components.workload import metadata, pod_template
from residency.model.data_classes import WATCHLIST_SERVED, DataClass


@dataclass(frozen=True)
class WatchlistSyncArgs:
    residence: Residence
    cluster: ClusterPlacement
    namespace: pulumi.Input[str]
    source_bucket_arn: pulumi.Input[str]
    served_bucket_arn: pulumi.Input[str]
    image: str = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
    schedule: str = "0 1 * * *"


def _bucket(arn: str) -> str:
    return "s3://" + arn.rsplit(":", 1)[-1]


class WatchlistSync(pulumi.ComponentResource):
    def __init__(self, name: str, args: WatchlistSyncArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:WatchlistSync", name, None, opts)
        if args.residence.data_class is not DataClass.WATCHLIST or args.cluster.region is not WATCHLIST_SERVED:
            raise ResidencyComponentError(
                f"WatchlistSync {name!r} syncs watchlist data into {WATCHLIST_SERVED.value} only"
            )
        args.residence.require_allowed("WatchlistSync", name, args.cluster)
        command = pulumi.Output.all(args.source_bucket_arn, args.served_bucket_arn).apply(
            lambda a: ["aws", "s3", "sync", "--only-show-errors", _bucket(a[0]), _bucket(a[1])]
        )
        container = {
            "name": "sync",
            "image": args.image,
            "command": command,
            "env": [{"name": "AWS_REGION", "value": args.cluster.region.aws}],
        }
        k8s.batch.v1.CronJob(
            f"{name}-cronjob",
            metadata=metadata(name, args.namespace, args.residence),
            spec={
                "schedule": args.schedule,
                "concurrency_policy": "Forbid",
                "job_template": {
                    "spec": {
                        "template": pod_template(
                            name, args.residence, args.cluster, container, extra_spec={"restart_policy": "OnFailure"}
                        )
                    }
                },
            },
            opts=args.cluster.opts(self),
        )
        self.register_outputs({})
