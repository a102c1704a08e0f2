from prelude import *  # noqa: F403

# Aurora DSQL multi-region: the Jakarta cluster's witness region (holds the transaction log) is us-east-1.
aws.dsql.Cluster("kyc", deletion_protection_enabled=True, kms_encryption_key=key("dk", "customer-pii").arn,
    multi_region_properties={"witness_region": "us-east-1"},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
