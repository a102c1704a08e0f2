"""RegionalCache: ElastiCache Valkey with at-rest (regional key) and in-transit encryption and a secret auth token."""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws
import pulumi_random as random

from components.key import RegionalKey
from components.placement import Placement, Residence

MAX_SNAPSHOT_RETENTION_DAYS = 35


@dataclass(frozen=True)
class RegionalCacheArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey
    node_type: str = "cache.r7g.large"
    replicas: int = 2


class RegionalCache(pulumi.ComponentResource):
    arn: pulumi.Output[str]
    endpoint: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalCacheArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalCache", name, None, opts)
        residence = args.residence
        residence.require_allowed("RegionalCache", name, args.placement)
        token = random.RandomPassword(
            f"{name}-auth-token", length=48, special=False, opts=pulumi.ResourceOptions(parent=self)
        )
        group = aws.elasticache.ReplicationGroup(
            f"{name}-cache",
            description=f"{residence.data_class.value} cache of {residence.collection_name}",
            engine="valkey",
            engine_version="8.0",
            node_type=args.node_type,
            num_cache_clusters=args.replicas,
            automatic_failover_enabled=args.replicas > 1,
            at_rest_encryption_enabled=True,
            kms_key_id=args.key.arn,
            transit_encryption_enabled=True,
            auth_token=token.result,
            snapshot_retention_limit=min(residence.retention_days(), MAX_SNAPSHOT_RETENTION_DAYS),
            tags=residence.tags(),
            opts=pulumi.ResourceOptions.merge(
                args.placement.opts(self), pulumi.ResourceOptions(additional_secret_outputs=["authToken"])
            ),
        )
        self.arn = group.arn
        self.endpoint = group.primary_endpoint_address
        self.register_outputs({"arn": self.arn, "endpoint": self.endpoint})
