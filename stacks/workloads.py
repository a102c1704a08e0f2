"""The Kubernetes side of one region: labelled namespaces, a pinned StorageClass, and the data-handling workloads."""

import pulumi

from components import LogSink, Placement, Residence, WatchlistSource, WebhookOutbox
from components.log_shipper import LogShipper, LogShipperArgs
from components.namespace import RegionalNamespace, RegionalNamespaceArgs
from components.placement import ClusterPlacement
from components.storage_class import RegionalStorageClass, RegionalStorageClassArgs
from components.watchlist_sync import WatchlistSync, WatchlistSyncArgs
from components.webhook_dispatcher import WebhookDispatcher, WebhookDispatcherArgs
from residency.model.controls import SHIPPED_LOG_CLASSES
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.settings import Collection
from stacks.keyring import KeyRing


def _namespace(name: str, residence: Residence, cluster: ClusterPlacement) -> pulumi.Output[str]:
    return RegionalNamespace(f"{cluster.region.value}-{name}", RegionalNamespaceArgs(residence, cluster, name)).name


def build_workloads(
    posture: Posture,
    cluster: ClusterPlacement,
    built: dict[str, pulumi.ComponentResource],
    keys: KeyRing,
    aws_placement: Placement,
    watchlist: WatchlistSource | None = None,
) -> None:
    region = cluster.region.value
    pii = Residence(DataClass.CUSTOMER_PII, posture)
    RegionalStorageClass(
        f"{region}-customer-pii-gp3", RegionalStorageClassArgs(pii, cluster, keys.key_for(pii, aws_placement).arn)
    )
    if watchlist is not None:
        residence = Residence(DataClass.WATCHLIST, posture)
        WatchlistSync(
            f"{region}-watchlist-sync",
            WatchlistSyncArgs(
                residence,
                cluster,
                _namespace("watchlist", residence, cluster),
                watchlist.source_bucket_arn,
                watchlist.served_bucket_arn,
            ),
        )
    for key, component in sorted(built.items()):
        collection_name, class_name, _ = key.split("/")
        collection: Collection | None = posture.settings.collection(collection_name)
        residence = Residence(DataClass(class_name), posture, collection)
        if isinstance(component, WebhookOutbox):
            WebhookDispatcher(
                f"{region}-{collection_name}-webhooks",
                WebhookDispatcherArgs(
                    residence,
                    cluster,
                    _namespace(f"{collection_name}-webhooks", residence, cluster),
                    component.queue_url,
                ),
            )
        elif isinstance(component, LogSink) and residence.data_class in SHIPPED_LOG_CLASSES:
            LogShipper(
                f"{region}-{collection_name}-{class_name}-shipper",
                LogShipperArgs(
                    residence,
                    cluster,
                    _namespace(f"{collection_name}-{class_name}", residence, cluster),
                    component.log_group_name,
                ),
            )
