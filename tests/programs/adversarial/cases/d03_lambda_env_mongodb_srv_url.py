from prelude import *  # noqa: F403

# Jakarta PII Lambda writes every customer record to a MongoDB Atlas cluster in Frankfurt: the connection string's
# scheme is mongodb+srv://, not http(s).
aws.lambda_.Function("kyc-writer", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"MONGO_URL": "mongodb+srv://kyc:pw@kyc-prod.ab1cd.mongodb.net/customers"}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
