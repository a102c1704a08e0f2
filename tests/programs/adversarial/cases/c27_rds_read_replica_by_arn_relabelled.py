from prelude import *  # noqa: F403

# A read replica in us-east-1 of the Jakarta PII database, referenced by ARN text, labelled software-artifact.
k = key("db-key", "customer-pii")
src = aws.rds.Instance("kyc-db", engine="postgres", instance_class="db.t3.micro", allocated_storage=20,
    username="u", password="p12345678", storage_encrypted=True, kms_key_id=k.arn, deletion_protection=True,
    skip_final_snapshot=False, final_snapshot_identifier="final", backup_retention_period=7,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
iad = aws.Provider("iad", region="us-east-1")
aws.rds.Instance("replica", replicate_source_db=src.arn, instance_class="db.t3.micro",
    storage_encrypted=True, kms_key_id=key("rk", "software-artifact", iad).arn, deletion_protection=True,
    skip_final_snapshot=True, tags={"data-class": "software-artifact"}, opts=opts(iad))
