from prelude import *  # noqa: F403

# Jakarta PII Lambda with the Datadog extension layer: DD_SITE=datadoghq.eu ships every log line and trace
# (request payloads included) to Datadog's EU site. The destination is a bare domain, no scheme.
docs, _ = bucket("docs", "customer-pii")
aws.lambda_.Function("kyc-api", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    layers=["arn:aws:lambda:ap-southeast-3:464622532012:layer:Datadog-Extension:65"],
    environment={"variables": {"SRC_BUCKET": docs.bucket, "DD_SITE": "datadoghq.eu", "DD_LOGS_ENABLED": "true",
                               "DD_API_KEY_SECRET_ARN": "arn:aws:secretsmanager:ap-southeast-3:111122223333:secret:dd"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
