"""Databases keep deletion protection and a final snapshot; buckets never force-destroy."""

from collections.abc import Iterator

from residency.facts.resource import BUCKET_TYPES, ResourceFacts
from residency.facts.values import reveal
from residency.model.controls import DELETION_PROTECTED_CLASSES
from residency.model.findings import Severity
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

_DATABASES = ("aws:rds/instance:Instance", "aws:rds/cluster:Cluster")


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.data_class not in DELETION_PROTECTED_CLASSES:
        return
    props = reveal(f.props)
    if f.type in _DATABASES:
        if props.get("deletionProtection") is not True:
            yield f"{f.resource.name} ({f.data_class}) has deletionProtection off."
        if props.get("skipFinalSnapshot") is True:
            yield f"{f.resource.name} ({f.data_class}) skips its final snapshot."
    if f.type in BUCKET_TYPES and props.get("forceDestroy") is True:
        yield f"{f.resource.name} ({f.data_class}) has forceDestroy on: deleting the stack would delete its objects."


RULE = Rule(
    RuleMeta(
        name="enable-deletion-protection",
        title="Stores cannot be deleted by accident",
        description="Databases keep deletion protection and a final snapshot, and buckets never force-destroy.",
        severity=Severity.HIGH,
        scope=Scope.RESOURCE,
        protects=DELETION_PROTECTED_CLASSES,
        # availability and recovery (POJK 38) and protection from loss (UU PDP art. 35)
        regulations=(Regulation.OJK, Regulation.PDP),
        remediation="Set deletionProtection true, skipFinalSnapshot false and forceDestroy false.",
        compliant='aws.rds.Instance("db", deletion_protection=True, skip_final_snapshot=False, ..., opts=jakarta)',
        violating='aws.s3.Bucket("kyc", force_destroy=True, tags={"data-class": "customer-pii"}, opts=jakarta)',
    ),
    check=check,
)
