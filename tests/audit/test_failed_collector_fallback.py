"""A collector that fails in a region leaves what the tagging sweep saw of its types judged, not dropped."""

from typing import Any

import boto3
from botocore.exceptions import ClientError

from tests.audit.conftest import JKT, SIN, audit, db_instance


def _deny(**_: Any) -> None:
    raise ClientError({"Error": {"Code": "AccessDenied", "Message": "not allowed"}}, "DescribeReplicationGroups")


def test_a_tagged_store_of_a_failed_collector_is_still_judged(aws: boto3.Session) -> None:
    aws.client("elasticache", region_name=SIN).create_replication_group(
        ReplicationGroupId="pii-cache",
        ReplicationGroupDescription="x",
        Engine="redis",
        CacheNodeType="cache.t3.micro",
        Tags=[{"Key": "data-class", "Value": "customer-pii"}],
    )
    aws._session.register("before-call.elasticache.DescribeReplicationGroups", _deny)
    result = audit(aws, regions=[JKT, SIN])
    assert result.exit_code == 3 and "elasticache: AccessDenied" in result.regions[SIN]
    # before: dropped because a collector covers its type, although that collector read nothing there
    placed = [f for f in result.findings if f.policy == "restrict-data-class-region"]
    assert [f.urn for f in placed] == [f"arn:aws:elasticache:{SIN}:123456789012:replicationgroup:pii-cache"]
    assert [r.urn for r in result.unevaluated] == [placed[0].urn]
    assert any(
        n.endswith("its collector failed in that region; judged on its region and tags only") for n in result.notes
    )


def test_a_store_judged_from_the_sweep_gets_no_protection_finding(aws: boto3.Session) -> None:
    """Its settings were never read: 'at-rest encryption off' would be a claim nobody checked."""
    db_instance(aws, JKT, "kyc", "customer-pii", StorageEncrypted=True, DeletionProtection=True)
    aws._session.register("before-call.rds.DescribeDBInstances", _deny)
    result = audit(aws, regions=[JKT])
    arn = f"arn:aws:rds:{JKT}:123456789012:db:kyc"
    assert [r.urn for r in result.unevaluated] == [arn]
    assert [f.policy for f in result.findings if f.urn == arn] == []  # before: storageEncrypted and deletion "off"
