"""The protections of a data store, as one flat record the plan stores and the diff compares."""

from typing import Any

from residency.facts.companions import BUCKET_TYPES, Companions
from residency.facts.resource import ResourceFacts
from residency.facts.values import get_path, is_unknown, reveal

_KEY_PROPS = ("kmsKeyId", "kmsMasterKeyId", "kmsKeyArn")


def _shown(value: Any) -> Any:
    return "unknown" if is_unknown(value) else value


def _companion(bucket: ResourceFacts, companions: Companions, token: str) -> dict[str, Any] | None:
    found = companions.of(bucket, token)
    if not found:
        return None
    props: dict[str, Any] = reveal(found[0].props)
    return props


def protections(f: ResourceFacts, companions: Companions) -> dict[str, Any]:
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
    if f.type in BUCKET_TYPES:
        sse = _companion(f, companions, "s3/bucketServerSideEncryptionConfiguration")
        out["encryptionKey"] = (
            _shown(get_path(sse, "rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId")) if sse else None
        )
        versioning = _companion(f, companions, "s3/bucketVersioning")
        out["versioning"] = get_path(versioning, "versioningConfiguration", "status") if versioning else None
        block = _companion(f, companions, "s3/bucketPublicAccessBlock")
        out["publicAccessBlocked"] = block is not None and all(
            block.get(k) is True
            for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
        )
        lock = _companion(f, companions, "s3/bucketObjectLockConfiguration")
        out["objectLockMode"] = get_path(lock, "rule", "defaultRetention", "mode") if lock else None
    return out
