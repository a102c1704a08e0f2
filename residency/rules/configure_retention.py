"""Log groups keep data for the configured retention, and audit classes never below their floor."""

from collections.abc import Iterator

from residency.facts.resource import ResourceFacts
from residency.facts.values import is_unknown, reveal
from residency.model.controls import retention_floor
from residency.model.data_classes import DataClass
from residency.model.findings import Severity
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"


def _whole_days(value: object) -> int | None:
    """Days as the engine sends them: an int, or a whole float (protobuf Struct numbers are doubles)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.type != LOG_GROUP or f.data_class is None:
        return
    raw = reveal(f.props.get("retentionInDays"))
    if is_unknown(raw):
        yield f"{f.resource.name}: retentionInDays is unknown during preview."
        return
    days = _whole_days(raw)
    if raw is not None and days is None:
        # A state file or an answer can hold anything here; unreadable retention fails closed, never a crash.
        yield f"{f.resource.name} ({f.data_class}): retentionInDays is {raw!r}, not a number of days."
        return
    wanted = ctx.posture.settings.org.retention_days.for_class(f.data_class)
    floor = retention_floor(f.data_class)
    if days is None or days == 0:
        if floor is not None:
            return  # never expiring satisfies any floor
        yield f"{f.resource.name} ({f.data_class}) keeps logs forever; retentionDays says {wanted}."
        return
    if floor is not None and days < floor:
        yield f"{f.resource.name} ({f.data_class}) keeps logs {days} days, below the {floor}-day floor."
    elif days != wanted and (floor is None or ctx.posture.settings.org.retention_days.explicit(f.data_class)):
        # Audit trails may be kept longer than the floor unless the org set their retention explicitly.
        yield f"{f.resource.name} ({f.data_class}) keeps logs {days} days; retentionDays says {wanted}."


RULE = Rule(
    RuleMeta(
        name="configure-retention",
        title="Retention as configured",
        description="Log groups keep data as long as retentionDays says, and audit classes at least five years.",
        severity=Severity.MEDIUM,
        scope=Scope.RESOURCE,
        protects=tuple(DataClass),
        # retention limits (UU PDP art. 43-44) and record keeping (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation="Set retentionInDays from the org's retentionDays for the class.",
        compliant=(
            'aws.cloudwatch.LogGroup("audit", retention_in_days=1827, tags={"data-class": "audit-log"}, opts=jakarta)'
        ),
        violating=(
            'aws.cloudwatch.LogGroup("audit", retention_in_days=30, tags={"data-class": "audit-log"}, opts=jakarta)'
        ),
    ),
    check=check,
)
