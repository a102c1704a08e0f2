from typing import Any

import boto3

from tests.audit.conftest import JKT, audit, messages


def _table(aws: boto3.Session, name: str, cls: str | None) -> None:
    tags = [{"Key": "data-class", "Value": cls}] if cls else []
    aws.client("dynamodb", region_name=JKT).create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        Tags=tags,
    )


def test_tagged_table_passes_and_untagged_fails(aws: boto3.Session) -> None:
    _table(aws, "kyc", "customer-pii")
    _table(aws, "mystery", None)
    result = audit(aws, regions=[JKT])
    assert [m for m in messages(result, "require-data-class-tag") if "table" in m.lower()] == [
        "aws:dynamodb/table:Table mystery holds data but its data class cannot be determined: no 'data-class' tag. "
        "Until it is tagged data-class with one of the twelve classes it is judged as the most restricted class."
    ]


def test_global_table_replica_is_a_cross_region_copy(aws: boto3.Session) -> None:
    """Moto accepts ReplicaUpdates but never reports Replicas: add them to DescribeTable's answer only."""
    _table(aws, "kyc", "customer-pii")

    def add_replicas(parsed: dict[str, Any], **_: Any) -> None:
        parsed["Table"]["Replicas"] = [{"RegionName": "ap-southeast-1"}]

    aws._session.register("after-call.dynamodb.DescribeTable", add_replicas)
    result = audit(aws, regions=[JKT])
    assert any(
        "DynamoDB global table replica on kyc" in m for m in messages(result, "restrict-cross-region-replication")
    )
