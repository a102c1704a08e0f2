"""The companion resources of a bucket as the pack sees them, built once for every source that reads S3 (the
service API and AWS Config), whatever shape that source reports them in."""

from collections.abc import Mapping, Sequence

from residency.audit.collectors.base import resource
from residency.facts.resource import ResourceInput

PUBLIC_ACCESS_FLAGS = ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")


def object_lock(arn: str, name: str, region: str, mode: object) -> ResourceInput:
    return resource(
        f"{arn}#object-lock",
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        f"{name}-object-lock",
        region,
        {"bucket": name, "rule": {"defaultRetention": {"mode": mode}}},
    )


def encryption(arn: str, name: str, region: str, algorithm: object, key: object) -> ResourceInput:
    return resource(
        f"{arn}#encryption",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        f"{name}-encryption",
        region,
        {
            "bucket": name,
            "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm, "kmsMasterKeyId": key}}],
        },
    )


def public_access_block(arn: str, name: str, region: str, flags: Mapping[str, object]) -> ResourceInput:
    """`flags` keyed by the pack's names (blockPublicAcls, ...)."""
    return resource(
        f"{arn}#public-access-block",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        f"{name}-public-access-block",
        region,
        {"bucket": name, **{flag: flags.get(flag) for flag in PUBLIC_ACCESS_FLAGS}},
    )


def replication(arn: str, name: str, region: str, rules: Sequence[tuple[object, object, object]]) -> ResourceInput:
    """`rules` as (status, destination bucket ARN, replica KMS key) per rule."""
    return resource(
        f"{arn}#replication",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        f"{name}-replication",
        region,
        {
            "bucket": name,
            "rules": [
                {
                    "status": status,
                    "destination": {"bucket": bucket, "encryptionConfiguration": {"replicaKmsKeyId": key}},
                }
                for status, bucket, key in rules
            ],
        },
    )
