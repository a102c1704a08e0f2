"""A synthetic stack shaped like ours: buckets with companions, databases, log groups, keys, replication."""

from residency.facts.resource import ProviderInput, ResourceInput

JKT = ProviderInput(
    "pulumi:providers:aws", "urn:pulumi:bench::p::pulumi:providers:aws::jkt", "jkt", {"region": "ap-southeast-3"}
)
CLASSES = ("customer-pii", "biometric", "source-document", "api-log", "analytics", "software-artifact")
KEY = "arn:aws:kms:ap-southeast-3:123456789012:key/k"


def _r(type_: str, name: str, props: dict[str, object]) -> ResourceInput:
    return ResourceInput(f"urn:pulumi:bench::p::{type_}::{name}", type_, name, props, JKT)


def synthetic_stack(count: int) -> list[ResourceInput]:
    out: list[ResourceInput] = []
    i = 0
    while len(out) < count:
        cls = CLASSES[i % len(CLASSES)]
        tags = {"data-class": cls, "collection": "bench"}
        b = f"b{i}"
        out += [
            _r("aws:s3/bucket:Bucket", b, {"bucket": b, "forceDestroy": False, "tags": tags}),
            _r(
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                f"{b}-sse",
                {
                    "bucket": b,
                    "rules": [
                        {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": KEY}}
                    ],
                },
            ),
            _r(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                f"{b}-pab",
                {
                    "bucket": b,
                    "blockPublicAcls": True,
                    "blockPublicPolicy": True,
                    "ignorePublicAcls": True,
                    "restrictPublicBuckets": True,
                },
            ),
            _r(
                "aws:rds/instance:Instance",
                f"db{i}",
                {
                    "identifier": f"db{i}",
                    "storageEncrypted": True,
                    "kmsKeyId": KEY,
                    "deletionProtection": True,
                    "tags": tags,
                },
            ),
            _r(
                "aws:cloudwatch/logGroup:LogGroup",
                f"lg{i}",
                {"name": f"lg{i}", "kmsKeyId": KEY, "retentionInDays": 365, "tags": tags},
            ),
            _r("aws:iam/role:Role", f"role{i}", {"name": f"role{i}"}),
            _r(
                "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                f"{b}-repl",
                {"bucket": b, "rules": [{"destination": {"bucket": f"arn:aws:s3:::b{i + 1}"}}]},
            ),
        ]
        i += 1
    return out[:count]
