from prelude import *  # noqa: F403

# Same as r06 with a partner host name (no scheme): kyc-db.partner.example.de
aws.dms.Endpoint("target", endpoint_id="partner-target", endpoint_type="target", engine_name="postgres",
    server_name="kyc-db.partner.example.de", port=5432, database_name="kyc", username="u", password="p",
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
