"""The platform as data: which stores each data class gets, per collection and org-wide."""

from enum import StrEnum

from residency.model.data_classes import MATRIX, DataClass, Placement
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


def replicable(data_class: DataClass) -> bool:
    """Only personal-placement classes may ever have a copy in sg-sin-1 (never audit, SAR or webhooks)."""
    return MATRIX[data_class].placement is Placement.PERSONAL


def copied_to_singapore(posture: Posture, collection: Collection, data_class: DataClass) -> bool:
    """The one decision both stacks build from: sg-sin-1 holds a replica, and Jakarta replicates into it."""
    return replicable(data_class) and posture.sg_problem(collection) is None


def store_key(collection: str, data_class: DataClass, store: Store) -> str:
    return f"{collection}/{data_class.value}/{store.value}"
