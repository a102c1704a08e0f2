"""Program in a sub-folder (Pulumi.yaml main:), with project config defaults, types and a secure value."""
import pulumi
import pulumi_aws as aws

config = pulumi.Config()
count = config.require_int("bucketCount")
prefix = config.get("prefix")
password = config.require_secret("dbPassword")
for i in range(count):
    aws.s3.Bucket(f"{prefix}-{i}", tags={"data-class": "analytics"})
pulumi.export("password", password)
