from prelude import *  # noqa: F403

# Like C17, but the outside endpoint is in the AWS European Sovereign Cloud (amazonaws.eu, region eusc-de-east-1).
docs, _ = bucket("docs", "customer-pii")
aws.lambda_.Function("exporter", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"SRC": docs.bucket,
                               "DEST": "https://kyc-export.s3.eusc-de-east-1.amazonaws.eu/incoming/"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
