"""Every listing a collector reads is read to its last page: what a second page holds is audited too.

Moto answers these listings in one page, so each test serves the listing in two pages itself (the way AWS does
past its page size) and checks that the item on the second page is collected.
"""

from collections.abc import Callable, Mapping
from typing import Any

import boto3
import pytest

from residency.audit.clients import ClientFactory
from residency.audit.collectors import backup, efs, elasticache, firehose, logs, rds
from residency.audit.collectors.base import Collector
from residency.audit.moto_gaps import answer, install_empty_answers
from tests.audit.conftest import FAST_RETRY, JKT, SIN

ACCOUNT = "123456789012"
TOKENS = ("nextToken", "NextToken", "Marker", "ExclusiveStartDeliveryStreamName")


def _token(params: Mapping[str, Any]) -> str | None:
    for where in (params, params.get("body"), params.get("query_string")):
        if isinstance(where, Mapping):
            for name in TOKENS:
                if where.get(name):
                    return str(where[name])
    return None


def _two_pages(first: dict[str, Any], second: dict[str, Any]) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    return lambda params: dict(second if _token(params) else first)


def _always(body: dict[str, Any]) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    return lambda _params: dict(body)


def _collect(session: boto3.Session, collector: Collector) -> set[str]:
    return {r.name for r in collector.collect(ClientFactory(session, retries=FAST_RETRY), JKT)}


def _destination(name: str) -> dict[str, Any]:
    arn = f"arn:aws:logs:{JKT}:{ACCOUNT}:destination:{name}"
    return {"destinationName": name, "arn": arn, "targetArn": f"arn:aws:kinesis:{SIN}:{ACCOUNT}:stream/s"}


def _global_group(name: str) -> dict[str, Any]:
    member = {"ReplicationGroupId": f"{name}-primary", "ReplicationGroupRegion": JKT, "Role": "PRIMARY"}
    return {
        "GlobalReplicationGroupId": name,
        "ARN": f"arn:aws:elasticache::{ACCOUNT}:globalreplicationgroup:{name}",
        "Members": [member],
    }


def _vault(name: str) -> dict[str, Any]:
    return {"BackupVaultName": name, "BackupVaultArn": f"arn:aws:backup:{JKT}:{ACCOUNT}:backup-vault:{name}"}


def _plan(name: str) -> dict[str, Any]:
    return {
        "BackupPlanName": name,
        "BackupPlanId": name,
        "BackupPlanArn": f"arn:aws:backup:{JKT}:{ACCOUNT}:backup-plan:{name}",
    }


def _global_cluster(name: str) -> dict[str, Any]:
    return {
        "GlobalClusterIdentifier": name,
        "GlobalClusterArn": f"arn:aws:rds::{ACCOUNT}:global-cluster:{name}",
        # judged in its writer's region: the one read here
        "GlobalClusterMembers": [{"DBClusterArn": f"arn:aws:rds:{JKT}:{ACCOUNT}:cluster:{name}", "IsWriter": True}],
    }


def _automated_backups(name: str) -> dict[str, Any]:
    arn = f"arn:aws:rds:{SIN}:{ACCOUNT}:auto-backup:ab-{name}"
    return {
        "DBInstanceIdentifier": name,
        "DBInstanceArn": f"arn:aws:rds:{JKT}:{ACCOUNT}:db:{name}",
        "DBInstanceAutomatedBackupsReplications": [{"DBInstanceAutomatedBackupsArn": arn}],
    }


CASES = [
    ("logs", "DescribeDestinations", "destinations", "nextToken", _destination, logs.COLLECTOR, {}),
    (
        "elasticache",
        "DescribeGlobalReplicationGroups",
        "GlobalReplicationGroups",
        "Marker",
        _global_group,
        elasticache.COLLECTOR,
        {},
    ),
    (
        "backup",
        "ListBackupVaults",
        "BackupVaultList",
        "NextToken",
        _vault,
        backup.COLLECTOR,
        {("backup", "ListTags"): {"Tags": {}}},
    ),
    (
        "backup",
        "ListBackupPlans",
        "BackupPlansList",
        "NextToken",
        _plan,
        backup.COLLECTOR,
        {("backup", "ListTags"): {"Tags": {}}, ("backup", "GetBackupPlan"): {"BackupPlan": {"Rules": []}}},
    ),
    ("rds", "DescribeGlobalClusters", "GlobalClusters", "Marker", _global_cluster, rds.COLLECTOR, {}),
    (
        "rds",
        "DescribeDBInstanceAutomatedBackups",
        "DBInstanceAutomatedBackups",
        "Marker",
        _automated_backups,
        rds.COLLECTOR,
        {},
    ),
]


@pytest.mark.parametrize(
    ("service", "operation", "key", "token", "item", "collector", "others"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_the_second_page_of_a_listing_is_collected(
    aws: boto3.Session,
    service: str,
    operation: str,
    key: str,
    token: str,
    item: Callable[[str], dict[str, Any]],
    collector: Collector,
    others: dict[tuple[str, str], dict[str, Any]],
) -> None:
    answer(aws, service, operation, _two_pages({key: [item("first")], token: "page-2"}, {key: [item("second")]}))
    for (svc, op), body in others.items():
        answer(aws, svc, op, _always(body))
    install_empty_answers(aws)  # what moto lacks; registered last, so the answers above win
    assert {"first", "second"} <= _collect(aws, collector)


def test_efs_replications_on_a_second_page_are_collected(aws: boto3.Session) -> None:
    client = aws.client("efs", region_name=JKT)
    ids = [client.create_file_system(CreationToken=n)["FileSystemId"] for n in ("a", "b")]
    pages = [{"Replications": [{"SourceFileSystemId": i, "Destinations": [{"Region": SIN}]}]} for i in ids]
    answer(aws, "efs", "DescribeReplicationConfigurations", _two_pages({**pages[0], "NextToken": "2"}, pages[1]))
    assert {f"{i}-replication" for i in ids} <= _collect(aws, efs.COLLECTOR)


def test_firehose_streams_past_the_first_page_are_collected(aws: boto3.Session) -> None:
    def listing(params: Mapping[str, Any]) -> dict[str, Any]:
        if _token(params):
            return {"DeliveryStreamNames": ["second"], "HasMoreDeliveryStreams": False}
        return {"DeliveryStreamNames": ["first"], "HasMoreDeliveryStreams": True}

    def describe(params: Mapping[str, Any]) -> dict[str, Any]:
        name = params["DeliveryStreamName"]
        arn = f"arn:aws:firehose:{JKT}:{ACCOUNT}:deliverystream/{name}"
        return {"DeliveryStreamDescription": {"DeliveryStreamARN": arn, "Destinations": []}}

    answer(aws, "firehose", "ListDeliveryStreams", listing)
    answer(aws, "firehose", "DescribeDeliveryStream", describe)
    answer(aws, "firehose", "ListTagsForDeliveryStream", lambda _p: {"Tags": [], "HasMoreTags": False})
    assert _collect(aws, firehose.COLLECTOR) == {"first", "second"}


def test_a_firehose_listing_that_never_advances_fails_the_read(aws: boto3.Session) -> None:
    answer(
        aws,
        "firehose",
        "ListDeliveryStreams",
        lambda _p: {"DeliveryStreamNames": ["same"], "HasMoreDeliveryStreams": True},
    )
    answer(
        aws, "firehose", "DescribeDeliveryStream", lambda _p: {"DeliveryStreamDescription": {"DeliveryStreamARN": "x"}}
    )
    with pytest.raises(ValueError, match="did not advance"):
        _collect(aws, firehose.COLLECTOR)


def test_a_listing_that_repeats_its_token_fails_the_read(aws: boto3.Session) -> None:
    answer(aws, "rds", "DescribeGlobalClusters", lambda _p: {"GlobalClusters": [], "Marker": "again"})
    with pytest.raises(Exception, match="same next token"):
        _collect(aws, rds.COLLECTOR)


def test_a_firehose_listing_that_pages_in_a_circle_fails_the_read(aws: boto3.Session) -> None:
    pages = {None: "a", "a": "b", "b": "a"}

    def listing(params: Mapping[str, Any]) -> dict[str, Any]:
        return {"DeliveryStreamNames": [pages[_token(params)]], "HasMoreDeliveryStreams": True}

    answer(aws, "firehose", "ListDeliveryStreams", listing)
    with pytest.raises(ValueError, match="did not advance"):
        _collect(aws, firehose.COLLECTOR)
