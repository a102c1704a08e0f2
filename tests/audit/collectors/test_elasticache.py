import boto3

from residency.audit import moto_gaps
from tests.audit.conftest import JKT, audit, messages


def test_global_datastore_over_a_pii_cache(aws: boto3.Session) -> None:
    """Moto lacks global datastores: only DescribeGlobalReplicationGroups is answered here."""
    ec = aws.client("elasticache", region_name=JKT)
    ec.create_replication_group(
        ReplicationGroupId="pii-cache",
        ReplicationGroupDescription="pii",
        Engine="redis",
        CacheNodeType="cache.t4g.small",
        AtRestEncryptionEnabled=True,
        TransitEncryptionEnabled=True,
        Tags=[{"Key": "data-class", "Value": "customer-pii"}],
    )
    moto_gaps.answer(
        aws,
        "elasticache",
        "DescribeGlobalReplicationGroups",
        lambda params: {
            "GlobalReplicationGroups": [
                {
                    "GlobalReplicationGroupId": "ldgnf-pii",
                    "ARN": "arn:aws:elasticache::123456789012:globalreplicationgroup:ldgnf-pii",
                    "Members": [
                        {"ReplicationGroupId": "pii-cache", "ReplicationGroupRegion": JKT, "Role": "PRIMARY"},
                        {
                            "ReplicationGroupId": "pii-cache-sg",
                            "ReplicationGroupRegion": "ap-southeast-1",
                            "Role": "SECONDARY",
                        },
                    ],
                }
            ]
        },
    )
    result = audit(aws, regions=[JKT])
    assert any(
        "ElastiCache global datastore" in m and "customer-pii" in m
        for m in messages(result, "restrict-cross-region-replication")
    )


def test_plain_cache_is_read(aws: boto3.Session) -> None:

    aws.client("elasticache", region_name=JKT).create_replication_group(
        ReplicationGroupId="c",
        ReplicationGroupDescription="c",
        Engine="redis",
        CacheNodeType="cache.t4g.small",
        Tags=[{"Key": "data-class", "Value": "customer-pii"}],
    )
    result = audit(aws, regions=[JKT])
    assert result.regions == {JKT: "audited"}
    cache = next(r for r in result.resources if r.type == "aws:elasticache/replicationGroup:ReplicationGroup")
    assert cache.props["tags"] == {"data-class": "customer-pii"}
