"""RegionalBucket: S3 with versioning, SSE-KMS, no public access, TLS only, lifecycle from retention.

Audit classes also get Object Lock in compliance mode.
"""

import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.key import RegionalKey
from components.placement import Placement, Residence
from residency.model.controls import OBJECT_LOCK_CLASSES


@dataclass(frozen=True)
class RegionalBucketArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey


def _tls_only_policy(arn: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "DenyInsecureTransport",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [arn, f"{arn}/*"],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                }
            ],
        }
    )


class RegionalBucket(pulumi.ComponentResource):
    arn: pulumi.Output[str]
    bucket_name: pulumi.Output[str]
    key_arn: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalBucketArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalBucket", name, None, opts)
        residence = args.residence
        residence.require_allowed("RegionalBucket", name, args.placement)
        child = args.placement.opts(self)
        locked = residence.data_class in OBJECT_LOCK_CLASSES
        days = residence.retention_days()
        bucket = aws.s3.Bucket(
            f"{name}-bucket", force_destroy=False, object_lock_enabled=locked, tags=residence.tags(), opts=child
        )
        aws.s3.BucketVersioning(
            f"{name}-versioning", bucket=bucket.id, versioning_configuration={"status": "Enabled"}, opts=child
        )
        aws.s3.BucketServerSideEncryptionConfiguration(
            f"{name}-sse",
            bucket=bucket.id,
            rules=[
                {
                    "apply_server_side_encryption_by_default": {
                        "sse_algorithm": "aws:kms",
                        "kms_master_key_id": args.key.arn,
                    },
                    "bucket_key_enabled": True,
                }
            ],
            opts=child,
        )
        block = aws.s3.BucketPublicAccessBlock(
            f"{name}-public-access",
            bucket=bucket.id,
            block_public_acls=True,
            block_public_policy=True,
            ignore_public_acls=True,
            restrict_public_buckets=True,
            opts=child,
        )
        aws.s3.BucketOwnershipControls(
            f"{name}-ownership", bucket=bucket.id, rule={"object_ownership": "BucketOwnerEnforced"}, opts=child
        )
        aws.s3.BucketPolicy(
            f"{name}-tls-only",
            bucket=bucket.id,
            policy=bucket.arn.apply(_tls_only_policy),
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[block])),
        )
        aws.s3.BucketLifecycleConfiguration(
            f"{name}-lifecycle",
            bucket=bucket.id,
            rules=[
                {
                    "id": "retention",
                    "status": "Enabled",
                    "filter": {},
                    "expiration": {"days": days},
                    "noncurrent_version_expiration": {"noncurrent_days": days},
                }
            ],
            opts=child,
        )
        if locked:
            aws.s3.BucketObjectLockConfiguration(
                f"{name}-object-lock",
                bucket=bucket.id,
                rule={"default_retention": {"mode": "COMPLIANCE", "days": days}},
                opts=child,
            )
        self.arn = bucket.arn
        self.bucket_name = bucket.bucket
        self.key_arn = args.key.arn
        self.residence = args.residence
        self.register_outputs({"arn": self.arn, "bucket_name": self.bucket_name, "key_arn": self.key_arn})
