"""Build one store component of a given kind; shared by the primary and the replica stack."""

import pulumi

from components import (
    LogSink,
    LogSinkArgs,
    Placement,
    RegionalBucket,
    RegionalBucketArgs,
    RegionalCache,
    RegionalCacheArgs,
    RegionalDatabase,
    RegionalDatabaseArgs,
    Residence,
    WebhookOutbox,
    WebhookOutboxArgs,
)
from stacks.keyring import KeyRing
from stacks.platform import Store


def build_store(
    name: str,
    store: Store,
    residence: Residence,
    placement: Placement,
    keys: KeyRing,
    replica_of: pulumi.Input[str] | None = None,
) -> pulumi.ComponentResource:
    key = keys.key_for(residence, placement)
    if store is Store.DATABASE:
        return RegionalDatabase(name, RegionalDatabaseArgs(residence, placement, key, replica_of=replica_of))
    if store is Store.CACHE:
        return RegionalCache(name, RegionalCacheArgs(residence, placement, key))
    if store is Store.BUCKET:
        return RegionalBucket(name, RegionalBucketArgs(residence, placement, key))
    if store is Store.LOG:
        return LogSink(name, LogSinkArgs(residence, placement, key))
    return WebhookOutbox(name, WebhookOutboxArgs(residence, placement, key))


def primary_arn(component: pulumi.ComponentResource) -> pulumi.Output[str] | None:
    for attr in ("arn", "log_group_arn", "queue_arn"):
        value: pulumi.Output[str] | None = getattr(component, attr, None)
        if value is not None:
            return value
    return None
