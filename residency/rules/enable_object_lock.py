"""Buckets of audit classes have Object Lock in compliance mode."""

from collections.abc import Iterator, Sequence

from residency.facts.companions import Companions, buckets
from residency.facts.resource import ResourceFacts
from residency.facts.values import get_path, reveal
from residency.model.controls import OBJECT_LOCK_CLASSES
from residency.model.findings import Severity
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

LOCK_TYPE = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    companions = Companions(facts)
    for bucket in buckets(facts):
        if bucket.data_class not in OBJECT_LOCK_CLASSES:
            continue
        if reveal(bucket.props.get("objectLockEnabled")) is not True:
            yield bucket.urn, f"{bucket.resource.name} ({bucket.data_class}) was created without Object Lock."
            continue
        locks = companions.of(bucket, LOCK_TYPE)
        mode = get_path(reveal(locks[0].props), "rule", "defaultRetention", "mode") if locks else None
        if mode != "COMPLIANCE":
            yield bucket.urn, f"{bucket.resource.name} ({bucket.data_class}) has no COMPLIANCE-mode default retention."


RULE = Rule(
    RuleMeta(
        name="enable-object-lock",
        title="Audit trails are immutable",
        description="Buckets of audit classes have Object Lock with a compliance-mode default retention.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=OBJECT_LOCK_CLASSES,
        # integrity of audit trails (POJK 38)
        regulations=(Regulation.OJK,),
        remediation="Create the bucket with objectLockEnabled and a COMPLIANCE-mode BucketObjectLockConfiguration.",
        compliant='RegionalBucket("sar", RegionalBucketArgs(Residence(DataClass.SAR_ENVELOPE, posture), jakarta, key))',
        violating='aws.s3.Bucket("sar", tags={"data-class": "sar-envelope"}, opts=jakarta)  # no object_lock_enabled',
    ),
    check_stack=check_stack,
)
