"""The platform as data: which stores each data class gets, per collection and org-wide."""

from enum import StrEnum

from residency.model.controls import SINGAPORE_REPLICA_CLASSES
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.settings import Collection


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


def copied_to_singapore(posture: Posture, collection: Collection, data_class: DataClass) -> bool:
    """The one decision both stacks build from: sg-sin-1 holds a replica, and Jakarta replicates into it."""
    return data_class in SINGAPORE_REPLICA_CLASSES and posture.sg_problem(collection) is None


def store_key(collection: str, data_class: DataClass, store: Store) -> str:
    return f"{collection}/{data_class.value}/{store.value}"
