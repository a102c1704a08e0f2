from prelude import *  # noqa: F403

# A Jakarta Lambda sends customer documents to a Bedrock *global* cross-region inference profile:
# the ARN says ap-southeast-3, the profile routes requests to any commercial region.
docs, _ = bucket("docs", "source-document")
aws.lambda_.Function("ocr", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"SRC": docs.bucket, "MODEL":
        "arn:aws:bedrock:ap-southeast-3:111122223333:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0"}},
    tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
