from prelude import *  # noqa: F403

# Jakarta Lambda reads a PII bucket and PUTs to an outside bucket via the global (region-less) S3 host name.
docs, _ = bucket("docs", "customer-pii")
aws.lambda_.Function("exporter", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"SRC": docs.bucket,
                               "DEST": "https://kyc-export-us.s3.amazonaws.com/incoming/"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
