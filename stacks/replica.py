"""sg-sin-1: the replica side, only for an ID-SG org with an SCC covering sg-sin-1.

Destination buckets, read replicas, regional caches and SG-egress webhook outboxes, each tagged with its
data class; sources come from a StackReference to id-jkt-1. Pinned classes are never built here.
"""

from typing import Any

import pulumi

from components import RegionalBucket, Residence
from residency.model.data_classes import DataClass
from residency.model.errors import ResidencyConfigError
from residency.model.regions import Region
from stacks.config import StackContext
from stacks.keyring import KeyRing
from stacks.platform import COLLECTION_STORES, Store, copied_to_singapore, store_key
from stacks.platform_config import cluster_placement, read_platform_settings
from stacks.providers import placement
from stacks.stores import build_store
from stacks.workloads import build_workloads


def _store_arn(stores: pulumi.Output[Any], key: str) -> pulumi.Output[str]:
    """The Jakarta source's ARN; empty when id-jkt-1 reports none, which the pack refuses as undeterminable."""
    return stores.apply(lambda s: str((s or {}).get(key) or ""))


def build_replica(ctx: StackContext) -> None:
    problem = ctx.posture.sg_problem()
    if problem is not None:
        raise ResidencyConfigError(
            "residency:org.dataResidency",
            f"the sg-sin-1 stack deploys only for dataResidency ID-SG with an SCC covering sg-sin-1 ({problem})",
        )
    sin = placement(Region.SG_SIN_1)
    primary = pulumi.StackReference(ctx.primary_stack)
    primary_stores = primary.get_output("stores")
    keys = KeyRing()
    targets: dict[str, pulumi.Output[dict[str, str]]] = {}
    built: dict[str, pulumi.ComponentResource] = {}

    for coll in ctx.posture.settings.collections:
        for data_class in coll.classes:
            residence = Residence(data_class, ctx.posture, coll)
            if data_class is DataClass.WEBHOOK_OUTBOX:
                if ctx.posture.webhook_region(coll) is Region.SG_SIN_1:
                    built[store_key(coll.name, data_class, Store.OUTBOX)] = build_store(
                        f"{coll.name}-webhook-outbox-outbox", Store.OUTBOX, residence, sin, keys
                    )
                continue
            if not copied_to_singapore(ctx.posture, coll, data_class):
                continue
            for store in COLLECTION_STORES.get(data_class, ()):
                key = store_key(coll.name, data_class, store)
                source = _store_arn(primary_stores, key) if store is Store.DATABASE else None
                component = build_store(
                    f"{coll.name}-{data_class.value}-{store.value}-replica",
                    store,
                    residence,
                    sin,
                    keys,
                    replica_of=source,
                )
                built[key] = component
                if isinstance(component, RegionalBucket):
                    targets[key] = pulumi.Output.all(component.arn, component.key_arn).apply(
                        lambda a: {"bucketArn": a[0], "keyArn": a[1]}
                    )

    cluster = cluster_placement(read_platform_settings(), Region.SG_SIN_1)
    if cluster is not None:
        build_workloads(ctx.posture, cluster, built, keys, sin)

    pulumi.export("region", Region.SG_SIN_1.value)
    pulumi.export("replicaTargets", targets)
