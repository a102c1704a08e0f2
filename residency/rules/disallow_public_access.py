"""Data stores are never public: buckets block public access, databases are not publicly accessible, and no
snapshot, image or resource policy opens restricted data to everyone."""

from collections.abc import Iterator, Sequence

from residency.facts.companions import Companions, buckets
from residency.facts.flow import effective
from residency.facts.public_shares import public_shares
from residency.facts.resource import ResourceFacts
from residency.facts.values import reveal
from residency.model.controls import PRIVATE_CLASSES
from residency.model.data_classes import MOST_RESTRICTED
from residency.model.findings import Severity
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

BLOCK_TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
_FLAGS = ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    for f in facts:
        if (
            f.data_class in PRIVATE_CLASSES
            and f.type.startswith("aws:rds/")
            and reveal(f.props.get("publiclyAccessible")) is True
        ):
            yield f.urn, f"{f.resource.name} ({f.data_class}) is publicly accessible."
    for found in public_shares(facts):
        classes = effective(found.store) if found.store is not None else {MOST_RESTRICTED: "a store outside this stack"}
        private = sorted(c.value for c in classes if c in PRIVATE_CLASSES)
        if private:
            opened = found.store.resource.name if found.store is not None else "a store outside this stack"
            yield (
                found.share.urn,
                f"{found.share.resource.name} {found.how}: {opened} holds {', '.join(private)}, which anyone could "
                "then copy to any region.",
            )
    companions = Companions(facts)
    for bucket in buckets(facts):
        if bucket.data_class not in PRIVATE_CLASSES:
            continue
        blocks = companions.of(bucket, BLOCK_TYPE)
        props = reveal(blocks[0].props) if blocks else {}
        off = [flag for flag in _FLAGS if props.get(flag) is not True]
        if off:
            yield (
                bucket.urn,
                f"{bucket.resource.name} ({bucket.data_class}) does not block public access ({', '.join(off)}).",
            )


RULE = Rule(
    RuleMeta(
        name="disallow-public-access",
        title="No public data stores",
        description=(
            "Buckets block all public access, databases are never publicly accessible, and no image, snapshot or "
            "resource policy opens restricted data to everyone."
        ),
        severity=Severity.CRITICAL,
        scope=Scope.STACK,
        protects=PRIVATE_CLASSES,
        # confidentiality (UU PDP art. 35-39) and access control (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation=(
            "Add a BucketPublicAccessBlock with all four flags, set publiclyAccessible false, and share images, "
            "snapshots and resource policies with named accounts only."
        ),
        compliant=(
            'aws.s3.BucketPublicAccessBlock("kyc-pab", bucket=kyc.id, block_public_acls=True, block_pub'
            "lic_policy=True,\n"
            "    ignore_public_acls=True, restrict_public_buckets=True, opts=jakarta)"
        ),
        violating=(
            'aws.rds.Instance("db", publicly_accessible=True, tags={"data-class": "customer-pii"}, ..., opts=jakarta)'
        ),
    ),
    check_stack=check_stack,
)
