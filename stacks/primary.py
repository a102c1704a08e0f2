"""id-jkt-1: every store of every collection, the audit sink, the data-movement trail, keys, watchlist path,
and (under ID-SG, once sg-sin-1 has outputs) the outbound replication of Jakarta buckets."""

from typing import Any

import pulumi

from components import (
    BucketReplication,
    BucketReplicationArgs,
    DataMovementAuditTrail,
    DataMovementAuditTrailArgs,
    Placement,
    RegionalBucket,
    Residence,
    WatchlistSource,
    WatchlistSourceArgs,
)
from components.region_guardrail import RegionGuardrail, RegionGuardrailArgs
from residency.model.data_classes import WATCHLIST_SOURCE, DataClass
from residency.model.errors import ResidencyConfigError
from residency.model.regions import Region
from stacks.config import StackContext
from stacks.export_guard import build_export_guard
from stacks.keyring import KeyRing
from stacks.platform import COLLECTION_STORES, PLATFORM_STORES, copied_to_singapore, store_key
from stacks.platform_config import cluster_placement, read_platform_settings
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
        WatchlistSourceArgs(Residence(DataClass.WATCHLIST, ctx.posture), placement(WATCHLIST_SOURCE), jkt),
    )

    if ctx.posture.sg_problem() is None:
        _wire_outbound(ctx, jkt, {k: c for k, c in built.items() if isinstance(c, RegionalBucket)})

    platform = read_platform_settings()
    cluster = cluster_placement(platform, Region.ID_JKT_1)
    if cluster is not None:
        build_workloads(ctx.posture, cluster, built, keys, jkt, watchlist)
    build_export_guard(ctx.posture, platform, jkt)
    if platform.guardrail is not None:
        RegionGuardrail(
            "residency-guardrail", RegionGuardrailArgs(ctx.posture, platform.guardrail.target_id, jkt.provider)
        )

    pulumi.export("region", Region.ID_JKT_1.value)
    pulumi.export("stores", {k: arn for k, c in built.items() if (arn := primary_arn(c)) is not None})
    pulumi.export("dataMovementLogGroup", trail.log_group_name)
    pulumi.export("watchlistBucket", watchlist.served_bucket_arn)


def _target(targets: pulumi.Output[Any], key: str) -> pulumi.Output[dict[str, str]]:
    return targets.apply(lambda t: _replica_target(t, key))


def _replica_target(targets: Any, key: str) -> dict[str, str]:
    """The replica stack's `replicaTargets` output, checked: a trusted file can still be the wrong shape."""
    shape = "a mapping of <collection>/<class>/<name>: {bucketArn, keyArn}"
    if targets is not None and not isinstance(targets, dict):
        raise ResidencyConfigError("stack output replicaTargets", f"must be {shape}, not {targets!r}"[:300])
    target = (targets or {}).get(key) or {}
    if not isinstance(target, dict) or not all(isinstance(v, str) for v in target.values()):
        raise ResidencyConfigError(
            f"stack output replicaTargets.{key}", f"must be {{bucketArn, keyArn}} strings, not {target!r}"[:300]
        )
    return dict(target)


def _wire_outbound(ctx: StackContext, jkt: Placement, buckets: dict[str, RegionalBucket]) -> None:
    """S3 replication of each Jakarta bucket the platform copies to sg-sin-1 into its replica there.

    Which buckets replicate is decided here, from the platform declaration and the posture; only the replicas'
    ARNs come from sg-sin-1, as Outputs. Until sg-sin-1 has reported them they are unknown, and a preview of this
    stack alone fails closed on them instead of silently dropping the replication.
    """
    targets = pulumi.StackReference(ctx.replica_stack).get_output("replicaTargets")
    for key, bucket in sorted(buckets.items()):
        collection, data_class, _ = key.split("/")
        coll = ctx.posture.settings.collection(collection)
        if coll is None or not copied_to_singapore(ctx.posture, coll, DataClass(data_class)):
            continue
        target = _target(targets, key)
        BucketReplication(
            f"{key.replace('/', '-')}-to-sg-sin-1",
            BucketReplicationArgs(
                bucket.residence,
                jkt,
                source_bucket=bucket.bucket_name,
                source_bucket_arn=bucket.arn,
                source_key_arn=bucket.key_arn,
                destination_bucket_arn=target.apply(lambda t: t.get("bucketArn", "")),
                destination_key_arn=target.apply(lambda t: t.get("keyArn", "")),
                rule_id="to-sg-sin-1",
                replicate_deletes=True,
            ),
        )
