"""Region-locked Pulumi components, one per file. Each takes its placement (provider + region) from the stack."""

from components.bucket import RegionalBucket, RegionalBucketArgs
from components.bucket_replication import BucketReplication, BucketReplicationArgs
from components.cache import RegionalCache, RegionalCacheArgs
from components.data_movement_audit_trail import DataMovementAuditTrail, DataMovementAuditTrailArgs
from components.database import RegionalDatabase, RegionalDatabaseArgs
from components.export_guard import ExportGuard, ExportGuardArgs
from components.key import RegionalKey, RegionalKeyArgs
from components.log_shipper import LogShipper, LogShipperArgs
from components.log_sink import LogSink, LogSinkArgs
from components.namespace import RegionalNamespace, RegionalNamespaceArgs
from components.placement import ClusterPlacement, Placement, Residence, ResidencyComponentError
from components.region_guardrail import RegionGuardrail, RegionGuardrailArgs
from components.storage_class import RegionalStorageClass, RegionalStorageClassArgs
from components.watchlist_source import WatchlistSource, WatchlistSourceArgs
from components.watchlist_sync import WatchlistSync, WatchlistSyncArgs
from components.webhook_dispatcher import WebhookDispatcher, WebhookDispatcherArgs
from components.webhook_outbox import WebhookOutbox, WebhookOutboxArgs

__all__ = [
    "BucketReplication",
    "BucketReplicationArgs",
    "ClusterPlacement",
    "DataMovementAuditTrail",
    "DataMovementAuditTrailArgs",
    "ExportGuard",
    "ExportGuardArgs",
    "LogShipper",
    "LogShipperArgs",
    "LogSink",
    "LogSinkArgs",
    "Placement",
    "RegionGuardrail",
    "RegionGuardrailArgs",
    "RegionalBucket",
    "RegionalBucketArgs",
    "RegionalCache",
    "RegionalCacheArgs",
    "RegionalDatabase",
    "RegionalDatabaseArgs",
    "RegionalKey",
    "RegionalKeyArgs",
    "RegionalNamespace",
    "RegionalNamespaceArgs",
    "RegionalStorageClass",
    "RegionalStorageClassArgs",
    "Residence",
    "ResidencyComponentError",
    "WatchlistSource",
    "WatchlistSourceArgs",
    "WatchlistSync",
    "WatchlistSyncArgs",
    "WebhookDispatcher",
    "WebhookDispatcherArgs",
    "WebhookOutbox",
    "WebhookOutboxArgs",
]
