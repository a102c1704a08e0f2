"""A realistic account for the demo: a compliant Jakarta platform plus a few hand-made violations."""

import json
from typing import Any

import boto3

JKT, SIN, IAD = "ap-southeast-3", "ap-southeast-1", "us-east-1"


def _tags(data_class: str | None, style: str = "Key") -> list[dict[str, str]]:
    if data_class is None:
        return []
    key, value = (style, "Value") if style == "Key" else ("TagKey", "TagValue")
    return [{key: "data-class", value: data_class}, {key: "managed-by", value: "console"}]


def _key(session: boto3.Session, endpoint: str | None, region: str, data_class: str, **kw: Any) -> str:
    kms = session.client("kms", region_name=region, endpoint_url=endpoint)
    meta = kms.create_key(Description=f"{data_class} key", Tags=_tags(data_class, "Tag"), **kw)["KeyMetadata"]
    kms.create_alias(AliasName=f"alias/kyc-{data_class}-{str(meta['KeyId'])[:8]}", TargetKeyId=meta["KeyId"])
    return str(meta["Arn"])


def _bucket(
    session: boto3.Session, endpoint: str | None, region: str, name: str, data_class: str, lock: bool = False
) -> None:
    s3 = session.client("s3", region_name=region, endpoint_url=endpoint)
    args: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":
        args["CreateBucketConfiguration"] = {"LocationConstraint": region}
    if lock:
        args["ObjectLockEnabledForBucket"] = True
    s3.create_bucket(**args)
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": _tags(data_class)})
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(
        Bucket=name,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": _key(session, endpoint, region, data_class),
                    }
                }
            ]
        },
    )
    s3.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    if lock:
        s3.put_object_lock_configuration(
            Bucket=name,
            ObjectLockConfiguration={
                "ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 1827}},
            },
        )


def seed(session: boto3.Session, endpoint: str | None) -> None:
    """Moto is not thread-safe for writes: the whole account is written here, before any scan."""
    # Compliant Jakarta platform.
    _bucket(session, endpoint, JKT, "kyc-source-documents", "source-document")
    _bucket(session, endpoint, JKT, "kyc-biometric", "biometric")
    _bucket(session, endpoint, JKT, "kyc-sar-envelopes", "sar-envelope", lock=True)
    pii_key = _key(session, endpoint, JKT, "customer-pii")
    rds = session.client("rds", region_name=JKT, endpoint_url=endpoint)
    rds.create_db_instance(
        DBInstanceIdentifier="kyc-pii",
        Engine="postgres",
        DBInstanceClass="db.r6g.large",
        AllocatedStorage=100,
        MasterUsername="kyc_admin",
        MasterUserPassword="x" * 16,
        StorageEncrypted=True,
        KmsKeyId=pii_key,
        DeletionProtection=True,
        PubliclyAccessible=False,
        Tags=_tags("customer-pii"),
    )
    logs = session.client("logs", region_name=JKT, endpoint_url=endpoint)
    for name, data_class, days in (("/kyc/api", "api-log", 365), ("/kyc/audit", "audit-log", 3653)):
        logs.create_log_group(
            logGroupName=name, kmsKeyId=_key(session, endpoint, JKT, data_class), tags={"data-class": data_class}
        )
        logs.put_retention_policy(logGroupName=name, retentionInDays=days)
    sqs = session.client("sqs", region_name=JKT, endpoint_url=endpoint)
    sqs.create_queue(
        QueueName="webhook-outbox",
        tags={"data-class": "webhook-outbox"},
        Attributes={"KmsMasterKeyId": _key(session, endpoint, JKT, "webhook-outbox")},
    )
    _bucket(session, endpoint, IAD, "kyc-watchlist-source", "watchlist")

    # Hand-made violations.
    _bucket(session, endpoint, SIN, "kyc-pii-export-sg", "customer-pii")  # PII bucket in Singapore
    _bucket(session, endpoint, SIN, "kyc-biometric-dr", "biometric")
    s3 = session.client("s3", region_name=JKT, endpoint_url=endpoint)
    s3.put_bucket_replication(
        Bucket="kyc-biometric",
        ReplicationConfiguration={
            "Role": "arn:aws:iam::123456789012:role/replication",
            "Rules": [
                {
                    "ID": "dr",
                    "Status": "Enabled",
                    "Priority": 1,
                    "Filter": {"Prefix": ""},
                    "DeleteMarkerReplication": {"Status": "Disabled"},
                    "Destination": {"Bucket": "arn:aws:s3:::kyc-biometric-dr"},
                }
            ],
        },
    )  # replication out of ID
    kms = session.client("kms", region_name=JKT, endpoint_url=endpoint)
    mrk = kms.create_key(MultiRegion=True, Tags=_tags("customer-pii", "Tag"))["KeyMetadata"]
    kms.create_alias(AliasName="alias/kyc-pii-multi-region", TargetKeyId=mrk["KeyId"])
    kms.replicate_key(KeyId=mrk["KeyId"], ReplicaRegion=SIN, Tags=_tags("customer-pii", "Tag"))  # key replica
    ddb = session.client("dynamodb", region_name=JKT, endpoint_url=endpoint)
    ddb.create_table(
        TableName="kyc-sessions",
        BillingMode="PAY_PER_REQUEST",  # untagged data store
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    )
    secrets = session.client("secretsmanager", region_name=JKT, endpoint_url=endpoint)
    secrets.create_secret(
        Name="kyc/pii-export-token",
        SecretString=json.dumps({"token": "x"}),
        Tags=_tags("customer-pii"),
        AddReplicaRegions=[{"Region": SIN}],
    )  # secret replica
