from prelude import *  # noqa: F403

# aws.dynamodb.TableReplica (separate resource) in us-east-1 of a Jakarta PII table, labelled software-artifact.
t = aws.dynamodb.Table("kyc", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
    stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES", deletion_protection_enabled=True,
    server_side_encryption={"enabled": True, "kms_key_arn": key("tk", "customer-pii").arn},
    point_in_time_recovery={"enabled": True},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
iad = aws.Provider("iad", region="us-east-1")
aws.dynamodb.TableReplica("kyc-us", global_table_arn=t.arn, kms_key_arn=key("rk", "software-artifact", iad).arn,
    tags={"data-class": "software-artifact"}, opts=opts(iad))
