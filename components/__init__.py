"""Region-locked Pulumi components, one per file. Each takes its placement (provider + region) from the stack."""

from components.bucket import RegionalBucket, RegionalBucketArgs
from components.bucket_replication import BucketReplication, BucketReplicationArgs
from components.cache import RegionalCache, RegionalCacheArgs
from components.data_movement_audit_trail import DataMovementAuditTrail, DataMovementAuditTrailArgs
from components.database import RegionalDatabase, RegionalDatabaseArgs
from components.key import RegionalKey, RegionalKeyArgs
from components.log_sink import LogSink, LogSinkArgs
from components.placement import Placement, Residence, ResidencyComponentError
from components.watchlist_source import WatchlistSource, WatchlistSourceArgs
from components.webhook_outbox import WebhookOutbox, WebhookOutboxArgs

__all__ = [
    "BucketReplication",
    "BucketReplicationArgs",
    "DataMovementAuditTrail",
    "DataMovementAuditTrailArgs",
    "LogSink",
    "LogSinkArgs",
    "Placement",
    "RegionalBucket",
    "RegionalBucketArgs",
    "RegionalCache",
    "RegionalCacheArgs",
    "RegionalDatabase",
    "RegionalDatabaseArgs",
    "RegionalKey",
    "RegionalKeyArgs",
    "Residence",
    "ResidencyComponentError",
    "WatchlistSource",
    "WatchlistSourceArgs",
    "WebhookOutbox",
    "WebhookOutboxArgs",
]
