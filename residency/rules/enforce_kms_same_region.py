"""Data stores are encrypted with a customer-managed KMS key in their own region."""

from collections.abc import Iterator, Sequence

from residency.facts.companions import Companions, buckets
from residency.facts.resource import ResourceFacts
from residency.facts.values import arn_region, get_path, is_unknown, reveal
from residency.model.controls import CMK_CLASSES
from residency.model.findings import Severity
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

SSE_TYPE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
KEY_TYPES = ("aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey")

# type -> (flag that must be true, or None; property holding the key)
_KEY_FIELDS: dict[str, tuple[str | None, str]] = {
    "aws:rds/instance:Instance": ("storageEncrypted", "kmsKeyId"),
    "aws:rds/cluster:Cluster": ("storageEncrypted", "kmsKeyId"),
    "aws:elasticache/replicationGroup:ReplicationGroup": ("atRestEncryptionEnabled", "kmsKeyId"),
    "aws:cloudwatch/logGroup:LogGroup": (None, "kmsKeyId"),
    "aws:sqs/queue:Queue": (None, "kmsMasterKeyId"),
}


def _key_problem(
    holder: ResourceFacts, store: ResourceFacts, key: object, prop: str, by_urn: dict[str, ResourceFacts]
) -> str | None:
    if key is None or key == "":
        return f"{store.resource.name} ({store.data_class}) is not encrypted with a customer-managed KMS key."
    region = arn_region(key)
    if region is None:
        deps = [by_urn.get(u) for u in holder.resource.property_dependencies.get(prop, ())]
        region = next((d.region for d in deps if d is not None and d.type in KEY_TYPES), None)
    if region is None:
        shown = "unknown during preview" if is_unknown(key) else key
        return f"{store.resource.name}: the region of its KMS key ({shown}) cannot be determined."
    if region != store.region:
        return (
            f"{store.resource.name} in {store.region} is encrypted with a KMS key in {region}; use one of its region."
        )
    return None


def _store_messages(
    facts: Sequence[ResourceFacts], by_urn: dict[str, ResourceFacts]
) -> Iterator[tuple[str | None, str]]:
    for f in facts:
        if f.type not in _KEY_FIELDS or f.data_class not in CMK_CLASSES or f.region is None:
            continue
        flag, prop = _KEY_FIELDS[f.type]
        props = reveal(f.props)
        if flag is not None and props.get(flag) is not True:
            yield f.urn, f"{f.resource.name} ({f.data_class}) has {flag} off."
            continue
        message = _key_problem(f, f, props.get(prop), prop, by_urn)
        if message:
            yield f.urn, message


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    by_urn = {f.urn: f for f in facts}
    yield from _store_messages(facts, by_urn)
    companions = Companions(facts)
    for bucket in buckets(facts):
        if bucket.data_class not in CMK_CLASSES or bucket.region is None:
            continue
        configs = companions.of(bucket, SSE_TYPE)
        if not configs:
            yield bucket.urn, f"{bucket.resource.name} ({bucket.data_class}) has no SSE-KMS encryption configuration."
            continue
        default = get_path(reveal(configs[0].props), "rules", 0, "applyServerSideEncryptionByDefault") or {}
        message = _key_problem(configs[0], bucket, default.get("kmsMasterKeyId"), "rules", by_urn)
        if message:
            yield bucket.urn, message


RULE = Rule(
    RuleMeta(
        name="enforce-kms-same-region",
        title="Encryption with a same-region customer-managed key",
        description="Data stores are encrypted with a customer-managed KMS key that lives in their own region.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=CMK_CLASSES,
        # security of personal data (UU PDP art. 35) and cryptographic controls (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation="Encrypt the store with the RegionalKey of its region.",
        compliant=(
            'key = aws.kms.Key("pii", opts=jakarta)\n'
            'aws.rds.Instance("db", storage_encrypted=True, kms_key_id=key.arn, ..., opts=jakarta)'
        ),
        violating='aws.rds.Instance("db", storage_encrypted=True, kms_key_id=singapore_key.arn, ..., opts=jakarta)',
    ),
    check_stack=check_stack,
)
