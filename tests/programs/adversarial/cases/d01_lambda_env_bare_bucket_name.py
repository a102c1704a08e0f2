from prelude import *  # noqa: F403

# Jakarta Lambda reads the PII bucket and writes exports to a bucket named only by its bare name (a partner bucket
# in Frankfurt, not in this stack). No s3://, no ARN, no host name: just the name, as most real code does.
docs, _ = bucket("docs", "customer-pii")
aws.lambda_.Function("exporter", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"SRC_BUCKET": docs.bucket, "EXPORT_BUCKET": "partner-kyc-frankfurt"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
