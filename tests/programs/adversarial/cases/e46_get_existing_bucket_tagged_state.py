from prelude import *  # noqa: F403

# As r18, but the read resource carries the state it has in AWS (tags, SSE-KMS) and gets a public access block,
# so it is "classified and protected": Bucket.get of a partner bucket that really lives in Frankfurt is judged
# as a Jakarta bucket (the provider's region), and replication into it is a same-region copy.
src, sk = bucket("src", "customer-pii")
ext = aws.s3.Bucket.get("partner", "partner-kyc-frankfurt", tags={"data-class": "customer-pii"},
    server_side_encryption_configuration={"rule": {"apply_server_side_encryption_by_default": {
        "sse_algorithm": "aws:kms", "kms_master_key_id": sk.arn}}}, opts=opts())
aws.s3.BucketServerSideEncryptionConfiguration("partner-sse", bucket=ext.id, rules=[{
    "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": sk.arn}}], opts=opts())
aws.s3.BucketPublicAccessBlock("partner-pab", bucket=ext.id, block_public_acls=True, block_public_policy=True,
                               ignore_public_acls=True, restrict_public_buckets=True, opts=opts())
aws.s3.BucketReplicationConfig("rep", bucket=src.id, role=role("r", "s3.amazonaws.com").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": ext.arn}}], opts=opts())
