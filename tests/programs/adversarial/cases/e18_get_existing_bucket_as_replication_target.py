from prelude import *  # noqa: F403

# The replication destination is an existing bucket read with Bucket.get (a read resource through the Jakarta
# provider). In reality it is a partner bucket in Frankfurt; the ARN of a bucket carries no region.
src, _ = bucket("src", "customer-pii")
ext = aws.s3.Bucket.get("partner", "partner-kyc-frankfurt", opts=opts())
aws.s3.BucketReplicationConfig("rep", bucket=src.id, role=role("r", "s3.amazonaws.com").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": ext.arn}}], opts=opts())
