"""WatchlistSource: the us-iad-1 source bucket and its inbound replication into the Jakarta watchlist bucket."""

from dataclasses import dataclass

import pulumi

from components.bucket import RegionalBucket, RegionalBucketArgs
from components.bucket_replication import BucketReplication, BucketReplicationArgs
from components.key import RegionalKey, RegionalKeyArgs
from components.placement import Placement, Residence, ResidencyComponentError
from residency.model.data_classes import WATCHLIST_SERVED, WATCHLIST_SOURCE, DataClass


@dataclass(frozen=True)
class WatchlistSourceArgs:
    residence: Residence
    source: Placement
    served: Placement


class WatchlistSource(pulumi.ComponentResource):
    source_bucket_arn: pulumi.Output[str]
    served_bucket_arn: pulumi.Output[str]

    def __init__(self, name: str, args: WatchlistSourceArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:WatchlistSource", name, None, opts)
        if args.residence.data_class is not DataClass.WATCHLIST:
            raise ResidencyComponentError(f"WatchlistSource {name!r} must hold watchlist data")
        if (args.source.region, args.served.region) != (WATCHLIST_SOURCE, WATCHLIST_SERVED):
            raise ResidencyComponentError(
                f"WatchlistSource {name!r} flows {WATCHLIST_SOURCE.value} -> {WATCHLIST_SERVED.value} only"
            )
        here = pulumi.ResourceOptions(parent=self)
        keys = {
            p.region: RegionalKey(f"{name}-{p.region.value}-key", RegionalKeyArgs(args.residence, p), opts=here)
            for p in (args.source, args.served)
        }
        source = RegionalBucket(
            f"{name}-source", RegionalBucketArgs(args.residence, args.source, keys[WATCHLIST_SOURCE]), opts=here
        )
        served = RegionalBucket(
            f"{name}-served", RegionalBucketArgs(args.residence, args.served, keys[WATCHLIST_SERVED]), opts=here
        )
        BucketReplication(
            f"{name}-inbound",
            BucketReplicationArgs(
                args.residence,
                args.source,
                source_bucket=source.bucket_name,
                source_bucket_arn=source.arn,
                source_key_arn=source.key_arn,
                destination_bucket_arn=served.arn,
                destination_key_arn=served.key_arn,
                rule_id="watchlist-into-jakarta",
            ),
            opts=here,
        )
        self.source_bucket_arn = source.arn
        self.served_bucket_arn = served.arn
        self.register_outputs(
            {"source_bucket_arn": self.source_bucket_arn, "served_bucket_arn": self.served_bucket_arn}
        )
