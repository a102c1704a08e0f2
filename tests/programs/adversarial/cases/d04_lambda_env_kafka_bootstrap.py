from prelude import *  # noqa: F403

# Jakarta PII Lambda publishes customer events to a Confluent Cloud Kafka cluster in eu-west-1, named by its
# bootstrap host:port (no scheme). The host names a cloud region of another provider, not an AWS endpoint.
aws.lambda_.Function("kyc-events", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"BOOTSTRAP_SERVERS": "pkc-abc12.eu-west-1.aws.confluent.cloud:9092",
                               "TOPIC": "kyc.customers"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
