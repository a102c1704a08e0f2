"""S3: buckets (location, tags), encryption, public access block, versioning, Object Lock, replication."""

from typing import Any

from botocore.exceptions import ClientError

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, absent, resource, tag_dict
from residency.facts.resource import ResourceInput

LIST_REGION = "us-east-1"


def _optional(call: Any, codes: tuple[str, ...], **kwargs: Any) -> dict[str, Any] | None:
    try:
        result: dict[str, Any] = call(**kwargs)
        return result
    except ClientError as exc:
        if absent(exc, *codes):
            return None
        raise


def _bucket_resources(c: Any, name: str, region: str) -> list[ResourceInput]:
    arn = f"arn:aws:s3:::{name}"
    tags = _optional(c.get_bucket_tagging, ("NoSuchTagSet",), Bucket=name)
    lock = _optional(c.get_object_lock_configuration, ("ObjectLockConfigurationNotFoundError",), Bucket=name)
    lock_cfg = (lock or {}).get("ObjectLockConfiguration", {})
    out = [
        resource(
            arn,
            "aws:s3/bucket:Bucket",
            name,
            region,
            {
                "bucket": name,
                "tags": tag_dict((tags or {}).get("TagSet")),
                "objectLockEnabled": lock_cfg.get("ObjectLockEnabled") == "Enabled",
            },
        )
    ]
    sse = _optional(c.get_bucket_encryption, ("ServerSideEncryptionConfigurationNotFoundError",), Bucket=name)
    rules = (sse or {}).get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
    if rules:
        default = rules[0].get("ApplyServerSideEncryptionByDefault", {})
        out.append(
            resource(
                f"{arn}#encryption",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                f"{name}-encryption",
                region,
                {
                    "bucket": name,
                    "rules": [
                        {
                            "applyServerSideEncryptionByDefault": {
                                "sseAlgorithm": default.get("SSEAlgorithm"),
                                "kmsMasterKeyId": default.get("KMSMasterKeyID"),
                            }
                        }
                    ],
                },
            )
        )
    pab = _optional(c.get_public_access_block, ("NoSuchPublicAccessBlockConfiguration",), Bucket=name)
    if pab:
        cfg = pab.get("PublicAccessBlockConfiguration", {})
        out.append(
            resource(
                f"{arn}#public-access-block",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                f"{name}-public-access-block",
                region,
                {
                    "bucket": name,
                    "blockPublicAcls": cfg.get("BlockPublicAcls"),
                    "blockPublicPolicy": cfg.get("BlockPublicPolicy"),
                    "ignorePublicAcls": cfg.get("IgnorePublicAcls"),
                    "restrictPublicBuckets": cfg.get("RestrictPublicBuckets"),
                },
            )
        )
    versioning = c.get_bucket_versioning(Bucket=name)
    out.append(
        resource(
            f"{arn}#versioning",
            "aws:s3/bucketVersioning:BucketVersioning",
            f"{name}-versioning",
            region,
            {"bucket": name, "versioningConfiguration": {"status": versioning.get("Status", "Disabled")}},
        )
    )
    if lock_cfg.get("Rule"):
        retention = lock_cfg["Rule"].get("DefaultRetention", {})
        out.append(
            resource(
                f"{arn}#object-lock",
                "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
                f"{name}-object-lock",
                region,
                {"bucket": name, "rule": {"defaultRetention": {"mode": retention.get("Mode")}}},
            )
        )
    replication = _optional(c.get_bucket_replication, ("ReplicationConfigurationNotFoundError",), Bucket=name)
    repl_rules = (replication or {}).get("ReplicationConfiguration", {}).get("Rules", [])
    if repl_rules:
        out.append(
            resource(
                f"{arn}#replication",
                "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                f"{name}-replication",
                region,
                {
                    "bucket": name,
                    "rules": [
                        {
                            "status": r.get("Status"),
                            "destination": {
                                "bucket": r.get("Destination", {}).get("Bucket"),
                                "encryptionConfiguration": {
                                    "replicaKmsKeyId": r.get("Destination", {})
                                    .get("EncryptionConfiguration", {})
                                    .get("ReplicaKmsKeyID")
                                },
                            },
                        }
                        for r in repl_rules
                    ],
                },
            )
        )
    return out


def collect(clients: ClientFactory, regions_wanted: str) -> list[ResourceInput]:
    """List every bucket once; keep those whose location is among the audited regions (comma-separated)."""
    wanted = set(regions_wanted.split(","))
    lister = clients.client("s3", LIST_REGION)
    out: list[ResourceInput] = []
    for bucket in lister.list_buckets().get("Buckets", []):
        name = bucket["Name"]
        location = lister.get_bucket_location(Bucket=name).get("LocationConstraint") or "us-east-1"
        if location in wanted:
            out += _bucket_resources(clients.client("s3", location), name, location)
    return out


COLLECTOR = Collector(
    "s3",
    (
        "ListBuckets",
        "GetBucketLocation",
        "GetBucketTagging",
        "GetObjectLockConfiguration",
        "GetBucketEncryption",
        "GetPublicAccessBlock",
        "GetBucketVersioning",
        "GetBucketReplication",
    ),
    collect,
    global_service=True,
    types=(
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketVersioning:BucketVersioning",
    ),
)
