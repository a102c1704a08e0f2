"""Whenever anything is copied cross-border, the stack holds the data-movement audit trail."""

from collections.abc import Iterator, Sequence

from residency.facts.resource import CopyEdge, ResourceFacts
from residency.model.controls import MOVEMENT_AUDITED_CLASSES
from residency.model.data_classes import DataClass
from residency.model.findings import Severity
from residency.model.regions import Region, logical_region
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope


def _leaves_indonesia(e: CopyEdge) -> bool:
    if e.data_class is not None and e.data_class not in MOVEMENT_AUDITED_CLASSES:
        return False
    if e.open_destination:
        return True
    return (
        e.destination_region is not None
        and e.source_region != e.destination_region
        and logical_region(e.destination_region) is not Region.ID_JKT_1
    )


def _crosses_border(f: ResourceFacts) -> bool:
    """Copies pushed out of this stack; a replica pulled from another stack is logged by its source stack."""
    return any(not e.source_outside and _leaves_indonesia(e) for e in f.copies)


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    movers = [f for f in facts if _crosses_border(f)]
    if not movers:
        return
    trail = [f for f in facts if f.data_class is DataClass.DATA_MOVEMENT_AUDIT]
    if not trail:
        names = ", ".join(f.resource.name for f in movers[:3])
        yield (
            None,
            (
                f"{len(movers)} resource(s) copy data cross-border ({names}) but no store of class "
                "data-movement-audit records the transfers."
            ),
        )


RULE = Rule(
    RuleMeta(
        name="require-data-movement-audit-trail",
        title="Cross-border transfers are audit-logged",
        description="A stack that copies data cross-border also holds the data-movement audit trail.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=tuple(sorted(MOVEMENT_AUDITED_CLASSES)),
        # accountability for cross-border transfers (UU PDP art. 56) and audit trails (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation="Deploy the DataMovementAuditTrail component in id-jkt-1.",
        compliant=(
            'DataMovementAuditTrail("trail", DataMovementAuditTrailArgs(Residence(DataClass.DATA_MOVEME'
            "NT_AUDIT, posture), jakarta, key))\n"
            'BucketReplication("kyc-to-sg", ...)'
        ),
        violating=(
            'BucketReplication("kyc-to-sg", ...)  # a cross-border copy with no data-movement-audit store in the stack'
        ),
    ),
    check_stack=check_stack,
)
