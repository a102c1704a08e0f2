"""The platform as data: which stores each data class gets, per collection and org-wide."""

from enum import StrEnum

from residency.model.data_classes import MATRIX, DataClass, Placement


class Store(StrEnum):
    DATABASE = "db"
    CACHE = "cache"
    BUCKET = "bucket"
    LOG = "logs"
    OUTBOX = "outbox"


COLLECTION_STORES: dict[DataClass, tuple[Store, ...]] = {
    DataClass.CUSTOMER_PII: (Store.DATABASE, Store.CACHE),
    DataClass.BIOMETRIC: (Store.BUCKET,),
    DataClass.SOURCE_DOCUMENT: (Store.BUCKET,),
    DataClass.API_LOG: (Store.LOG,),
    DataClass.ANALYTICS: (Store.BUCKET,),
    DataClass.OPS_TELEMETRY: (Store.LOG,),
    DataClass.WEBHOOK_OUTBOX: (Store.OUTBOX,),
    DataClass.SOFTWARE_ARTIFACT: (Store.BUCKET,),
}
"""Classes a collection may list; the org-wide classes below are deployed once for the platform."""

PLATFORM_STORES: dict[DataClass, tuple[Store, ...]] = {
    DataClass.AUDIT_LOG: (Store.LOG,),
    DataClass.SAR_ENVELOPE: (Store.BUCKET,),
}

REPLICATED_STORES: dict[Store, Store] = {Store.BUCKET: Store.BUCKET, Store.DATABASE: Store.DATABASE}
"""Store kinds the replica stack copies from Jakarta; caches and logs are regional, filled by the SG tier."""


def replicable(data_class: DataClass) -> bool:
    """Only personal-placement classes may ever have a copy in sg-sin-1 (never audit, SAR or webhooks)."""
    return MATRIX[data_class].placement is Placement.PERSONAL


def store_key(collection: str, data_class: DataClass, store: Store) -> str:
    return f"{collection}/{data_class.value}/{store.value}"
