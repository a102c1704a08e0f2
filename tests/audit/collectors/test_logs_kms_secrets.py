import json
from typing import Any

import boto3

from residency.audit.moto_gaps import answer
from tests.audit.conftest import IAD, JKT, SIN, audit, messages
from tests.conftest import ID_SG


def test_log_group_retention_and_subscription(aws: boto3.Session) -> None:
    logs = aws.client("logs", region_name=JKT)
    logs.create_log_group(logGroupName="/kyc/api", tags={"data-class": "api-log"})
    logs.put_retention_policy(logGroupName="/kyc/api", retentionInDays=30)
    result = audit(aws, regions=[JKT])
    assert any("keeps logs 30 days; retentionDays says 365" in m for m in messages(result, "configure-retention"))


def test_audit_logs_in_us_east_1(aws: boto3.Session) -> None:
    aws.client("logs", region_name=IAD).create_log_group(logGroupName="/kyc/audit", tags={"data-class": "audit-log"})
    result = audit(aws, regions=[IAD])
    assert any("audit-log may not live in us-east-1" in m for m in messages(result, "restrict-data-class-region"))


def test_multi_region_key_and_its_replica(aws: boto3.Session) -> None:
    kms = aws.client("kms", region_name=JKT)
    tags = [{"TagKey": "data-class", "TagValue": "customer-pii"}]
    key = kms.create_key(MultiRegion=True, Tags=tags)["KeyMetadata"]
    kms.replicate_key(KeyId=key["KeyId"], ReplicaRegion=SIN, Tags=tags)
    result = audit(aws, regions=[JKT, SIN])
    found = messages(result, "restrict-cross-region-replication")
    assert any("KMS multi-region key" in m for m in found)
    assert any("KMS replica key" in m for m in found)


def test_secret_replicas(aws: boto3.Session) -> None:
    sm = aws.client("secretsmanager", region_name=JKT)
    sm.create_secret(
        Name="kyc/token",
        SecretString="x",
        Tags=[{"Key": "data-class", "Value": "customer-pii"}],
        AddReplicaRegions=[{"Region": SIN}],
    )
    assert any(
        "Secrets Manager replica on kyc/token" in m
        for m in messages(audit(aws, regions=[JKT, SIN]), "restrict-cross-region-replication")
    )
    assert messages(audit(aws, ID_SG, regions=[JKT, SIN]), "restrict-cross-region-replication") == []


def test_an_account_wide_subscription_policy_shipping_logs_out_is_a_copy(aws: boto3.Session) -> None:
    aws.client("logs", region_name=JKT).create_log_group(logGroupName="/kyc/api", tags={"data-class": "api-log"})
    document = json.dumps({"DestinationArn": f"arn:aws:kinesis:{SIN}:123456789012:stream/all-logs", "RoleArn": "r"})
    policy = {
        "policyName": "ship-everything",
        "policyType": "SUBSCRIPTION_FILTER_POLICY",
        "policyDocument": document,
        "scope": "ALL",
        "accountId": "123456789012",
    }
    pages: dict[str | None, dict[str, Any]] = {
        None: {"accountPolicies": [], "nextToken": "2"},
        "2": {"accountPolicies": [policy]},
    }
    answer(aws, "logs", "DescribeAccountPolicies", lambda params: pages[params.get("nextToken")])
    result = audit(aws, regions=[JKT])
    found = [f for f in result.findings if f.policy == "restrict-cross-region-replication"]
    assert [f.urn for f in found] == [f"arn:aws:logs:{JKT}:123456789012:account-policy:ship-everything"]
    assert "ap-southeast-1" in found[0].message
