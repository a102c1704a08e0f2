"""The twelve data classes and the residency matrix of DESIGN.md section 2."""

from dataclasses import dataclass
from enum import StrEnum

from residency.model.regions import Region


class DataClass(StrEnum):
    CUSTOMER_PII = "customer-pii"
    BIOMETRIC = "biometric"
    SOURCE_DOCUMENT = "source-document"
    API_LOG = "api-log"
    AUDIT_LOG = "audit-log"
    DATA_MOVEMENT_AUDIT = "data-movement-audit"
    SAR_ENVELOPE = "sar-envelope"
    WEBHOOK_OUTBOX = "webhook-outbox"
    WATCHLIST = "watchlist"
    ANALYTICS = "analytics"
    OPS_TELEMETRY = "ops-telemetry"
    SOFTWARE_ARTIFACT = "software-artifact"


class RegionRule(StrEnum):
    """How a class's allowed regions are derived; the matrix rows share a handful of shapes."""

    PERSONAL = "personal"  # id-jkt-1, + sg-sin-1 under ID-SG with an SCC covering it
    PINNED = "pinned"  # id-jkt-1 only, always; never replicated
    WEBHOOK_EGRESS = "webhook-egress"  # the org's / collection's webhookEgressRegion, no copies
    WATCHLIST = "watchlist"  # id-jkt-1 served, us-iad-1 source, + sg-sin-1 under ID-SG
    OPS_TELEMETRY = "ops-telemetry"  # id-jkt-1; anywhere (and copies) only with opsTelemetry: true
    ANYWHERE_KNOWN = "anywhere-known"  # any of the three logical regions, copies allowed


@dataclass(frozen=True, slots=True)
class ClassSpec:
    data_class: DataClass
    region_rule: RegionRule
    examples: str
    fixed_regions: frozenset[Region]


_R = RegionRule
_J = frozenset({Region.ID_JKT_1})

WATCHLIST_SOURCE = Region.US_IAD_1
"""Where sanction lists are published into: the one region besides home that watchlist data may live in."""
WATCHLIST_SERVED = Region.ID_JKT_1
"""Where the platform serves watchlists from: the flow is WATCHLIST_SOURCE -> WATCHLIST_SERVED, never back."""

MATRIX: dict[DataClass, ClassSpec] = {
    spec.data_class: spec
    for spec in (
        ClassSpec(DataClass.CUSTOMER_PII, _R.PERSONAL, "NIK, name, email, phone", _J),
        ClassSpec(DataClass.BIOMETRIC, _R.PERSONAL, "capture bundles, embeddings", _J),
        ClassSpec(DataClass.SOURCE_DOCUMENT, _R.PERSONAL, "KTP, NPWP, statements", _J),
        ClassSpec(DataClass.API_LOG, _R.PERSONAL, "API request/response logs", _J),
        ClassSpec(DataClass.AUDIT_LOG, _R.PINNED, "application audit logs", _J),
        ClassSpec(DataClass.DATA_MOVEMENT_AUDIT, _R.PINNED, "cross-border transfer trail", _J),
        ClassSpec(DataClass.SAR_ENVELOPE, _R.PINNED, "SAR XML envelopes", _J),
        ClassSpec(DataClass.WEBHOOK_OUTBOX, _R.WEBHOOK_EGRESS, "queued webhook deliveries", frozenset()),
        ClassSpec(
            DataClass.WATCHLIST,
            _R.WATCHLIST,
            "OFAC/UN/EU sanction lists",
            frozenset({WATCHLIST_SERVED, WATCHLIST_SOURCE}),
        ),
        ClassSpec(DataClass.ANALYTICS, _R.PERSONAL, "aggregated, anonymised analytics", _J),
        ClassSpec(DataClass.OPS_TELEMETRY, _R.OPS_TELEMETRY, "anonymised ops metadata", _J),
        ClassSpec(DataClass.SOFTWARE_ARTIFACT, _R.ANYWHERE_KNOWN, "build artefacts, images", frozenset(Region)),
    )
}

PINNED_CLASSES = frozenset(c for c, s in MATRIX.items() if s.region_rule is RegionRule.PINNED)
"""Classes that stay in id-jkt-1 whatever the org says (audit trails, SAR envelopes)."""

ALLOWED_VALUES = ", ".join(c.value for c in DataClass)


def parse_data_class(value: object) -> DataClass | None:
    try:
        return DataClass(str(value))
    except ValueError:
        return None


MOST_RESTRICTED = DataClass.AUDIT_LOG
"""What data of undetermined class is judged as: a pinned class (id-jkt-1 only, never copied), whatever the org."""


_STRICTNESS = (
    RegionRule.ANYWHERE_KNOWN,
    RegionRule.WATCHLIST,
    RegionRule.PERSONAL,
    RegionRule.OPS_TELEMETRY,
    RegionRule.WEBHOOK_EGRESS,
    RegionRule.PINNED,
)


def strictness(data_class: DataClass) -> int:
    """A total order for picking the one class an edge reports when several flow along it (higher is stricter)."""
    return _STRICTNESS.index(MATRIX[data_class].region_rule)
