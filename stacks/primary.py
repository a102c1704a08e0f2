"""id-jkt-1: every store of every collection, the audit sink, the data-movement trail, keys, watchlist path,
and (under ID-SG, once sg-sin-1 has outputs) the outbound replication of Jakarta buckets."""

import json
from typing import Any

import pulumi
import pulumi_aws as aws

from components import (
    DataMovementAuditTrail,
    DataMovementAuditTrailArgs,
    Placement,
    RegionalBucket,
    Residence,
    WatchlistSource,
    WatchlistSourceArgs,
)
from components.region_guardrail import RegionGuardrail, RegionGuardrailArgs
from residency.model.data_classes import DataClass
from residency.model.regions import Region
from stacks.config import StackContext
from stacks.edges import cluster_placement, read_platform_settings
from stacks.export_guard import build_export_guard
from stacks.keyring import KeyRing
from stacks.platform import COLLECTION_STORES, PLATFORM_STORES, replicable, store_key
from stacks.providers import placement
from stacks.stores import build_store, primary_arn
from stacks.workloads import build_workloads


def build_primary(ctx: StackContext) -> None:
    jkt = placement(Region.ID_JKT_1)
    keys = KeyRing()
    built: dict[str, pulumi.ComponentResource] = {}

    for coll in ctx.posture.settings.collections:
        for data_class in coll.classes:
            residence = Residence(data_class, ctx.posture, coll)
            if data_class is DataClass.WEBHOOK_OUTBOX and ctx.posture.webhook_region(coll) is not Region.ID_JKT_1:
                continue  # delivered from sg-sin-1; the replica stack owns that outbox
            for store in COLLECTION_STORES.get(data_class, ()):
                key = store_key(coll.name, data_class, store)
                component = build_store(f"{coll.name}-{data_class.value}-{store.value}", store, residence, jkt, keys)
                built[key] = component

    for data_class, stores in PLATFORM_STORES.items():
        residence = Residence(data_class, ctx.posture)
        for store in stores:
            component = build_store(f"platform-{data_class.value}-{store.value}", store, residence, jkt, keys)
            built[store_key("platform", data_class, store)] = component

    trail_residence = Residence(DataClass.DATA_MOVEMENT_AUDIT, ctx.posture)
    trail = DataMovementAuditTrail(
        "platform-data-movement", DataMovementAuditTrailArgs(trail_residence, jkt, keys.key_for(trail_residence, jkt))
    )
    watchlist = WatchlistSource(
        "platform-watchlist",
        WatchlistSourceArgs(Residence(DataClass.WATCHLIST, ctx.posture), placement(Region.US_IAD_1), jkt),
    )

    if ctx.posture.sg_problem() is None:
        _wire_outbound(ctx, jkt, {k: c for k, c in built.items() if isinstance(c, RegionalBucket)})

    edges = read_platform_settings()
    cluster = cluster_placement(edges, Region.ID_JKT_1)
    if cluster is not None:
        build_workloads(ctx.posture, cluster, built, keys, jkt, watchlist)
    build_export_guard(ctx.posture, edges, jkt)
    if edges.guardrail is not None:
        RegionGuardrail(
            "residency-guardrail", RegionGuardrailArgs(ctx.posture, edges.guardrail.target_id, jkt.provider)
        )

    pulumi.export("region", Region.ID_JKT_1.value)
    pulumi.export("stores", {k: arn for k, c in built.items() if (arn := primary_arn(c)) is not None})
    pulumi.export("dataMovementLogGroup", trail.log_group_name)
    pulumi.export("watchlistBucket", watchlist.served_bucket_arn)


def _wire_outbound(ctx: StackContext, jkt: Placement, buckets: dict[str, RegionalBucket]) -> None:
    """S3 replication of replicable Jakarta buckets to their sg-sin-1 replicas, once sg-sin-1 reports them."""
    replica = pulumi.StackReference(ctx.replica_stack)

    def wire(targets: Any) -> None:
        for key, bucket in buckets.items():
            collection, data_class, _ = key.split("/")
            target = (targets or {}).get(key)
            coll = ctx.posture.settings.collection(collection)
            if not target or not replicable(DataClass(data_class)) or ctx.posture.sg_problem(coll) is not None:
                continue
            _replicate(key.replace("/", "-"), bucket, target, jkt)

    replica.get_output("replicaTargets").apply(wire)


def _replicate(name: str, bucket: RegionalBucket, target: dict[str, str], jkt: Placement) -> None:
    opts = pulumi.ResourceOptions(parent=bucket, provider=jkt.provider)
    role = aws.iam.Role(
        f"{name}-replication-role",
        assume_role_policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}
                ],
            }
        ),
        opts=opts,
    )
    aws.s3.BucketReplicationConfig(
        f"{name}-to-sg-sin-1",
        bucket=bucket.bucket_name,
        role=role.arn,
        rules=[
            {
                "id": "to-sg-sin-1",
                "status": "Enabled",
                "filter": {},
                "delete_marker_replication": {"status": "Enabled"},
                "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                "destination": {
                    "bucket": target["bucketArn"],
                    "encryption_configuration": {"replica_kms_key_id": target["keyArn"]},
                },
            }
        ],
        opts=opts,
    )
