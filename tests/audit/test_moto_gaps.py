"""These fail the day moto implements what the tests and the demo answer for it: then drop the answer."""

import boto3
import pytest

from residency.audit.moto_gaps import EMPTY_ANSWERS
from tests.audit.conftest import JKT


def test_elasticache_global_datastores_are_still_missing(aws: boto3.Session) -> None:
    with pytest.raises(NotImplementedError):
        aws.client("elasticache", region_name=JKT).describe_global_replication_groups()


def test_efs_replication_is_still_missing(aws: boto3.Session) -> None:
    with pytest.raises(NotImplementedError):
        aws.client("efs", region_name=JKT).describe_replication_configurations()


def test_dynamodb_replica_updates_are_still_not_reported(aws: boto3.Session) -> None:
    ddb = aws.client("dynamodb", region_name=JKT)
    ddb.create_table(
        TableName="t",
        BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    ddb.update_table(TableName="t", ReplicaUpdates=[{"Create": {"RegionName": "ap-southeast-1"}}])
    assert "Replicas" not in ddb.describe_table(TableName="t")["Table"]


def test_logs_account_policies_are_still_missing(aws: boto3.Session) -> None:
    with pytest.raises(NotImplementedError):
        aws.client("logs", region_name=JKT).describe_account_policies(policyType="SUBSCRIPTION_FILTER_POLICY")


def test_rds_automated_backup_replication_is_still_missing(aws: boto3.Session) -> None:
    rds = aws.client("rds", region_name="ap-southeast-1")
    with pytest.raises(NotImplementedError):
        rds.start_db_instance_automated_backups_replication(
            SourceDBInstanceArn=f"arn:aws:rds:{JKT}:123456789012:db:primary"
        )


def test_the_empty_answers_are_exactly_the_missing_reads() -> None:
    assert set(EMPTY_ANSWERS) == {
        ("elasticache", "DescribeGlobalReplicationGroups"),
        ("efs", "DescribeReplicationConfigurations"),
        ("logs", "DescribeAccountPolicies"),
    }


def test_list_buckets_still_lacks_bucket_region(aws: boto3.Session) -> None:
    s3 = aws.client("s3", region_name=JKT)
    s3.create_bucket(Bucket="where", CreateBucketConfiguration={"LocationConstraint": JKT})
    assert "BucketRegion" not in s3.list_buckets(MaxBuckets=10)["Buckets"][0]  # AWS answers a paginated list with it


def test_a_short_bucket_page_still_has_no_continuation_token(aws: boto3.Session) -> None:
    """Moto cuts a ListBuckets page short without a ContinuationToken, so a page smaller than the account's buckets
    silently loses the rest: the audit asks for AWS's largest page (collectors/s3.py PAGE) and tests stay below it."""
    s3 = aws.client("s3", region_name=JKT)
    for name in ("one", "two"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": JKT})
    page = s3.list_buckets(MaxBuckets=1)
    assert len(page["Buckets"]) == 1 and "ContinuationToken" not in page


def test_tagging_by_arn_list_is_still_paged(aws: boto3.Session) -> None:
    """benchmarks/moto_as_aws.py answers this in one page, as AWS does (Custodian reads one page there)."""
    kms = aws.client("kms", region_name=JKT)
    arns = [kms.create_key(Tags=[{"TagKey": "k", "TagValue": "v"}])["KeyMetadata"]["Arn"] for _ in range(60)]
    page = aws.client("resourcegroupstaggingapi", region_name=JKT).get_resources(ResourceARNList=arns)
    assert len(page["ResourceTagMappingList"]) < len(arns) and page.get("PaginationToken")


def test_global_cluster_tags_are_still_dropped(aws: boto3.Session) -> None:
    """tests/audit/collectors/test_rds_global.py answers TagList as AWS does; drop that once moto keeps them."""
    rds = aws.client("rds", region_name=JKT)
    rds.create_global_cluster(
        GlobalClusterIdentifier="g", Engine="aurora-postgresql", Tags=[{"Key": "k", "Value": "v"}]
    )
    assert rds.describe_global_clusters()["GlobalClusters"][0].get("TagList", []) == []
