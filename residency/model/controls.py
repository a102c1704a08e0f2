"""The controls catalogue: per data class, every protection the platform builds and the rules demand.

Where each class may live and be copied is the residency matrix (`data_classes.MATRIX`, judged by `Posture`);
everything else a store of a class must have is here, once. Components build from it, rules check against
it, and the generated docs read it, so a change of control is one edit in this table.
"""

from dataclasses import dataclass

from residency.model.data_classes import DataClass


@dataclass(frozen=True, slots=True)
class Controls:
    customer_managed_key: bool
    """Encrypted with a customer-managed KMS key in the store's own region."""
    private: bool
    """Buckets block public access; databases are not publicly accessible."""
    deletion_protection: bool
    """Databases keep deletion protection and a final snapshot; buckets never force-destroy."""
    object_lock: bool
    """Buckets are created with S3 Object Lock (WORM), as record-keeping requires."""
    retention_floor_days: int | None
    """Logs of the class are never kept for fewer days than this (None: no floor)."""
    shipped_from_pods: bool
    """A cluster's log shipper forwards this class from pods into its regional log sink."""
    singapore_replica: bool
    """The platform builds a replica in sg-sin-1 when the posture allows it (a build decision, not a permission)."""
    movement_audited: bool
    """Customer data: moving it across a border must leave a record in the data-movement trail."""
    export_guarded: bool
    """With requireSinkRegion ID, dashboard exports of it are blocked outside Indonesia."""


AUDIT_RETENTION_FLOOR_DAYS = 1827
"""Five years: the record-keeping period for AML records (UU 8/2010, POJK 12/2017)."""

_FLOOR = AUDIT_RETENTION_FLOOR_DAYS
_D = DataClass

# columns: CMK, private, deletion protection, object lock, retention floor, shipped, sg replica, audited, export
CONTROLS: dict[DataClass, Controls] = {
    _D.CUSTOMER_PII: Controls(True, True, True, False, None, False, True, True, True),
    _D.BIOMETRIC: Controls(True, True, True, False, None, False, True, True, True),
    _D.SOURCE_DOCUMENT: Controls(True, True, True, False, None, False, True, True, True),
    _D.API_LOG: Controls(True, True, True, False, None, True, True, True, False),
    _D.AUDIT_LOG: Controls(True, True, True, True, _FLOOR, True, False, True, False),
    _D.DATA_MOVEMENT_AUDIT: Controls(True, True, True, True, _FLOOR, False, False, True, False),
    _D.SAR_ENVELOPE: Controls(True, True, True, True, _FLOOR, False, False, True, False),
    _D.WEBHOOK_OUTBOX: Controls(True, True, True, False, None, False, False, True, False),
    _D.WATCHLIST: Controls(True, True, True, False, None, False, False, False, False),
    _D.ANALYTICS: Controls(True, True, True, False, None, False, True, True, False),
    _D.OPS_TELEMETRY: Controls(True, True, False, False, None, False, False, False, False),
    _D.SOFTWARE_ARTIFACT: Controls(False, False, False, False, None, False, False, False, False),
}


def classes_where(flag: str) -> tuple[DataClass, ...]:
    """The classes whose control `flag` is on, in matrix order."""
    return tuple(c for c, controls in CONTROLS.items() if getattr(controls, flag))


CMK_CLASSES = classes_where("customer_managed_key")
PRIVATE_CLASSES = classes_where("private")
DELETION_PROTECTED_CLASSES = classes_where("deletion_protection")
OBJECT_LOCK_CLASSES = classes_where("object_lock")
SHIPPED_LOG_CLASSES = classes_where("shipped_from_pods")
SINGAPORE_REPLICA_CLASSES = classes_where("singapore_replica")
MOVEMENT_AUDITED_CLASSES = classes_where("movement_audited")
EXPORT_GUARDED_CLASSES = classes_where("export_guarded")
RETENTION_FLOOR_CLASSES = classes_where("retention_floor_days")


def retention_floor(data_class: DataClass) -> int | None:
    return CONTROLS[data_class].retention_floor_days
