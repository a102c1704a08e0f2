from prelude import *  # noqa: F403

# A Glue job reads the Jakarta PII bucket and writes through a JDBC connection to a database abroad.
# The connection URL's scheme is jdbc:postgresql:// (not http), host outside AWS.
docs, _ = bucket("docs", "customer-pii")
conn = aws.glue.Connection("partner-db", connection_type="JDBC", connection_properties={
    "JDBC_CONNECTION_URL": "jdbc:postgresql://kyc-db.partner.example.de:5432/kyc",
    "USERNAME": "kyc", "PASSWORD": "pw"}, tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.glue.Job("push", role_arn=role("glue", "glue.amazonaws.com").arn, connections=[conn.name],
    command={"script_location": docs.bucket.apply(lambda b: f"s3://{b}/scripts/push.py")},
    default_arguments={"--source": docs.bucket.apply(lambda b: f"s3://{b}/customers/")},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
