from prelude import *  # noqa: F403

# SSM Run Command association on the PII database hosts dumps the customer table; the command output is written
# to an S3 bucket named only by its bare name (outside the stack).
doc = aws.ssm.Document("dump", document_type="Command", content=json.dumps({"schemaVersion": "2.2",
    "mainSteps": [{"action": "aws:runShellScript", "name": "dump",
                   "inputs": {"runCommand": ["pg_dump -t customers kyc"]}}]}),
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.ssm.Association("nightly", name=doc.name, targets=[{"key": "tag:role", "values": ["kyc-db"]}],
    output_location={"s3_bucket_name": "kyc-dumps-frankfurt", "s3_key_prefix": "dumps"}, opts=opts())
