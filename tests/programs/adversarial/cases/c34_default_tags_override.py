from prelude import *  # noqa: F403

# Provider default_tags say customer-pii; the resource tag overrides with software-artifact (AWS tags_all rule),
# and the bucket is in us-east-1 receiving the PII bucket's replication.
src, _ = bucket("src", "customer-pii")
iad = aws.Provider("iad", region="us-east-1", default_tags={"tags": {"data-class": "customer-pii"}})
dst, dk = bucket("dst", "software-artifact", iad)
aws.s3.BucketReplicationConfig("rep", bucket=src.id, role=role("r", "s3.amazonaws.com").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": dst.arn,
    "encryption_configuration": {"replica_kms_key_id": dk.arn}}}], opts=opts())
