"""The protections of a data store, as one flat record the plan stores and the diff compares."""

from collections.abc import Sequence
from typing import Any

from residency.facts.resource import ResourceFacts
from residency.facts.values import get_path, is_unknown, reveal

_BUCKETS = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
_KEY_PROPS = ("kmsKeyId", "kmsMasterKeyId", "kmsKeyArn")


def _shown(value: Any) -> Any:
    return "unknown" if is_unknown(value) else value


def _companion(bucket: ResourceFacts, facts: Sequence[ResourceFacts], token: str) -> dict[str, Any] | None:
    name = reveal(bucket.props.get("bucket"))
    for f in facts:
        if f.type.split(":")[1].removesuffix("V2") != token:
            continue
        if (
            name is not None and reveal(f.props.get("bucket")) == name
        ) or bucket.urn in f.resource.property_dependencies.get("bucket", ()):
            props: dict[str, Any] = reveal(f.props)
            return props
    return None


def protections(f: ResourceFacts, facts: Sequence[ResourceFacts]) -> dict[str, Any]:
    props = reveal(f.props)
    out: dict[str, Any] = {}
    for key in _KEY_PROPS:
        if key in props:
            out["encryptionKey"] = _shown(props[key])
    for key in (
        "deletionProtection",
        "skipFinalSnapshot",
        "forceDestroy",
        "publiclyAccessible",
        "retentionInDays",
        "backupRetentionPeriod",
        "storageEncrypted",
        "objectLockEnabled",
    ):
        if key in props:
            out[key] = _shown(props[key])
    if f.type in _BUCKETS:
        sse = _companion(f, facts, "s3/bucketServerSideEncryptionConfiguration")
        out["encryptionKey"] = (
            _shown(get_path(sse, "rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId")) if sse else None
        )
        versioning = _companion(f, facts, "s3/bucketVersioning")
        out["versioning"] = get_path(versioning, "versioningConfiguration", "status") if versioning else None
        block = _companion(f, facts, "s3/bucketPublicAccessBlock")
        out["publicAccessBlocked"] = block is not None and all(
            block.get(k) is True
            for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
        )
        lock = _companion(f, facts, "s3/bucketObjectLockConfiguration")
        out["objectLockMode"] = get_path(lock, "rule", "defaultRetention", "mode") if lock else None
    return out
