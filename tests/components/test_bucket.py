import json

from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def _companion(facts: list[ResourceFacts], type_: str, bucket: ResourceFacts) -> ResourceFacts:
    hits = [f for f in facts if f.type == type_ and bucket.urn in f.resource.property_dependencies.get("bucket", ())]
    assert len(hits) == 1
    return hits[0]


def test_bucket_secure_defaults(jakarta: list[ResourceFacts]) -> None:
    b = one_for(jakarta, "aws:s3/bucket:Bucket", "onboarding-biometric")
    assert b.props["forceDestroy"] is False and b.props["objectLockEnabled"] is False
    sse = _companion(
        jakarta, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", b
    )
    default = sse.props["rules"][0]["applyServerSideEncryptionByDefault"]
    assert default["sseAlgorithm"] == "aws:kms" and default["kmsMasterKeyId"].startswith("arn:aws:kms:ap-southeast-3:")
    ver = _companion(jakarta, "aws:s3/bucketVersioning:BucketVersioning", b)
    assert ver.props["versioningConfiguration"]["status"] == "Enabled"
    pab = _companion(jakarta, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b)
    assert all(
        pab.props[k] is True
        for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
    )
    own = _companion(jakarta, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", b)
    assert own.props["rule"]["objectOwnership"] == "BucketOwnerEnforced"
    policy = json.loads(_companion(jakarta, "aws:s3/bucketPolicy:BucketPolicy", b).props["policy"])
    assert policy["Statement"][0]["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    life = _companion(jakarta, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", b)
    assert life.props["rules"][0]["expiration"]["days"] == 365


def test_pinned_classes_get_compliance_object_lock(jakarta: list[ResourceFacts]) -> None:
    b = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-sar-envelope")
    assert b.props["objectLockEnabled"] is True
    lock = _companion(jakarta, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", b)
    assert lock.props["rule"]["defaultRetention"] == {"mode": "COMPLIANCE", "days": 1827}
