"""`--source config-aggregator NAME`: configuration items across accounts and regions, judged by the same rules.

Moto lacks SelectAggregateResourceConfig: each test answers it per call with configuration items in the
documented shape, and test_moto_still_lacks_the_query notices the day moto implements it.
"""

import json
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import boto3
import pytest

from residency.audit.config_source import CONVERTERS, QUERY, TAGGED_QUERY, TYPES_QUERY, run_config_audit
from residency.audit.moto_gaps import answer
from residency.rules.base import RuleContext
from tests.audit.conftest import JKT
from tests.conftest import ID_ONLY

A, B = "111111111111", "222222222222"


def bucket(account: str, region: str, name: str, cls: str, replicate_to: str | None = None) -> dict[str, Any]:
    supplementary: dict[str, Any] = {
        "ServerSideEncryptionConfiguration": {
            "rules": [
                {
                    "applyServerSideEncryptionByDefault": {
                        "sseAlgorithm": "aws:kms",
                        "kmsMasterKeyID": f"arn:aws:kms:{region}:{account}:key/k",
                    }
                }
            ]
        },
        "PublicAccessBlockConfiguration": {
            "blockPublicAcls": True,
            "blockPublicPolicy": True,
            "ignorePublicAcls": True,
            "restrictPublicBuckets": True,
        },
    }
    if replicate_to:
        supplementary["BucketReplicationConfiguration"] = json.dumps(
            {"roleARN": "r", "rules": [{"status": "Enabled", "destinationConfig": {"bucketARN": replicate_to}}]}
        )
    return {
        "resourceId": name,
        "resourceName": name,
        "resourceType": "AWS::S3::Bucket",
        "awsRegion": region,
        "accountId": account,
        "arn": f"arn:aws:s3:::{name}",
        "configuration": json.dumps({"name": name}),
        "supplementaryConfiguration": supplementary,
        "tags": [{"key": "data-class", "value": cls}],
    }


def _serve(
    session: boto3.Session,
    pages: list[list[dict[str, Any]]],
    seen: list[Mapping[str, Any]],
    others: list[dict[str, Any]] | None = None,
) -> None:
    everything = [i for page in pages for i in page] + (others or [])

    def respond(params: Mapping[str, Any]) -> dict[str, Any]:
        """Answers the four query shapes the audit sends as AWS Config would over these items."""
        seen.append(params)
        expression = params["Expression"]
        if expression == TYPES_QUERY:
            counts = Counter(str(i["resourceType"]) for i in everything)
            return {"Results": [json.dumps({"resourceType": t, "COUNT(*)": n}) for t, n in counts.items()]}
        if expression == TAGGED_QUERY:
            tagged = [
                i
                for i in everything
                if i["resourceType"] not in CONVERTERS and any(t["key"] == "data-class" for t in i.get("tags", []))
            ]
            return {"Results": [json.dumps(i) for i in tagged], "QueryInfo": {}}
        if expression != QUERY:
            asked = set(re.findall(r"'([^']+)'", expression.split(" IN (", 1)[1]))
            return {"Results": [json.dumps(i) for i in everything if i["resourceType"] in asked]}
        index = int(params.get("NextToken") or 0)
        page: dict[str, Any] = {"Results": [json.dumps(i) for i in pages[index]], "QueryInfo": {}}
        if index + 1 < len(pages):
            page["NextToken"] = str(index + 1)
        return page

    answer(session, "config", "SelectAggregateResourceConfig", respond)


def test_items_of_several_accounts_and_pages_are_judged_per_account(aws: boto3.Session) -> None:
    seen: list[Mapping[str, Any]] = []
    _serve(
        aws,
        [
            [bucket(A, JKT, "a-pii", "customer-pii"), bucket(A, "us-east-1", "a-far", "biometric")],
            [bucket(B, JKT, "b-pii", "customer-pii", replicate_to="arn:aws:s3:::a-far")],
        ],
        seen,
    )
    result = run_config_audit(aws, "org-aggregator", RuleContext(ID_ONLY))
    assert [p["ConfigurationAggregatorName"] for p in seen] == ["org-aggregator"] * 4
    assert [p["Expression"] for p in seen] == [QUERY, QUERY, TYPES_QUERY, TAGGED_QUERY] and "AWS::S3::Bucket" in QUERY
    assert set(result.regions) == {f"{A}/{JKT}", f"{A}/us-east-1", f"{B}/{JKT}"}
    placed = {f.urn for f in result.findings if f.policy == "restrict-data-class-region"}
    assert placed == {"arn:aws:s3:::a-far"}
    copies = [f for f in result.findings if f.policy == "restrict-cross-region-replication"]
    assert copies and all("b-pii" in (f.urn or "") for f in copies)
    assert result.exit_code == 1


def test_an_aggregator_that_cannot_be_read_is_incomplete(aws: boto3.Session) -> None:
    result = run_config_audit(aws, "missing", RuleContext(ID_ONLY))
    assert result.regions["*"].startswith("failed:") and result.exit_code == 3


def test_moto_still_lacks_the_query(aws: boto3.Session) -> None:
    with pytest.raises(NotImplementedError):
        aws.client("config", region_name=JKT).select_aggregate_resource_config(
            Expression="SELECT resourceId", ConfigurationAggregatorName="x"
        )


def test_a_server_paging_in_a_circle_is_incomplete_not_endless(aws: boto3.Session) -> None:
    answer(
        aws,
        "config",
        "SelectAggregateResourceConfig",
        lambda _params: {"Results": [json.dumps(bucket(A, JKT, "x", "customer-pii"))], "NextToken": "again"},
    )
    result = run_config_audit(aws, "loop", RuleContext(ID_ONLY))
    assert "repeated a NextToken" in result.regions["*"] and result.exit_code == 3


def test_other_tagged_types_are_judged_on_region_and_tags_and_make_the_run_incomplete(aws: boto3.Session) -> None:
    efs = {
        "resourceId": "fs-1",
        "resourceName": "fs-1",
        "resourceType": "AWS::EFS::FileSystem",
        "awsRegion": "us-east-1",
        "accountId": A,
        "arn": f"arn:aws:elasticfilesystem:us-east-1:{A}:file-system/fs-1",
        "tags": [{"key": "data-class", "value": "biometric"}],
    }
    _serve(aws, [[bucket(A, JKT, "a-pii", "customer-pii")]], [], others=[efs])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    assert [r.urn for r in result.unevaluated] == [efs["arn"]]
    assert any(f.policy == "restrict-data-class-region" and f.urn == efs["arn"] for f in result.findings)
    assert result.exit_code == 3


def test_cli_needs_exactly_one_aggregator_name() -> None:
    from tests.cli import run_cli

    for args in (["--source", "config-aggregator"], ["stray-name"], ["--source", "config-aggregator", "a", "b"]):
        done = run_cli("audit", *args)
        assert done.returncode == 2 and "config-aggregator NAME" in done.stderr and "Traceback" not in done.stderr


def test_a_server_paging_without_end_stops_at_the_timeout(aws: boto3.Session) -> None:
    tokens = iter(range(10**9))
    answer(
        aws,
        "config",
        "SelectAggregateResourceConfig",
        lambda _params: {"Results": [], "NextToken": str(next(tokens))},
    )
    result = run_config_audit(aws, "endless", RuleContext(ID_ONLY), timeout=0.5)
    assert "--timeout" in result.regions["*"] and result.exit_code == 3


def item(account: str, region: str, config_type: str, arn: str, tags: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "resourceId": arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1],
        "resourceName": arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1],
        "resourceType": config_type,
        "awsRegion": region,
        "accountId": account,
        "arn": arn,
        "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
    }


def test_untagged_stores_of_unconverted_types_are_read_and_judged(aws: boto3.Session) -> None:
    """An untagged disk or recovery point never matches a tag query: it is read because its type holds data."""
    volume = item(A, "us-east-1", "AWS::EC2::Volume", f"arn:aws:ec2:us-east-1:{A}:volume/vol-1")
    point = f"arn:aws:backup:ap-southeast-1:{B}:recovery-point:copy-1"
    snapshot = item(B, "ap-southeast-1", "AWS::Backup::RecoveryPoint", point)
    seen: list[Mapping[str, Any]] = []
    _serve(aws, [[bucket(A, JKT, "a-pii", "customer-pii")]], seen, others=[volume, snapshot])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    assert {r.urn for r in result.unevaluated} == {volume["arn"], snapshot["arn"]}
    flagged = {f.urn for f in result.findings if f.policy in ("restrict-data-class-region", "require-data-class-tag")}
    assert {volume["arn"], snapshot["arn"]} <= flagged
    assert f"{B}/ap-southeast-1" in result.regions and result.exit_code == 3


def test_a_type_this_tool_does_not_know_is_read_not_skipped(aws: boto3.Session) -> None:
    future = item(A, "us-east-1", "AWS::NewService::Vault", f"arn:aws:newservice:us-east-1:{A}:vault/v1")
    seen: list[Mapping[str, Any]] = []
    _serve(aws, [[]], seen, others=[future])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    assert any("'AWS::NewService::Vault'" in p["Expression"] for p in seen)
    assert [r.urn for r in result.unevaluated] == [future["arn"]]
    assert any(f.urn == future["arn"] and f.policy == "restrict-data-class-region" for f in result.findings)


def test_data_free_types_are_read_only_when_tagged(aws: boto3.Session) -> None:
    group = item(A, "us-east-1", "AWS::EC2::SecurityGroup", f"arn:aws:ec2:us-east-1:{A}:security-group/sg-1")
    function = item(A, "us-east-1", "AWS::Lambda::Function", f"arn:aws:lambda:us-east-1:{A}:function:f")
    tagged = item(
        A,
        "us-east-1",
        "AWS::Lambda::Function",
        f"arn:aws:lambda:us-east-1:{A}:function:g",
        {"data-class": "customer-pii"},
    )
    seen: list[Mapping[str, Any]] = []
    _serve(aws, [[]], seen, others=[group, function, tagged])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    assert {p["Expression"] for p in seen} == {QUERY, TYPES_QUERY, TAGGED_QUERY}  # no query for their types
    assert [r.urn for r in result.unevaluated] == [tagged["arn"]]


def test_a_backup_plan_copying_out_of_jakarta_is_judged_as_the_api_audit_does(aws: boto3.Session) -> None:
    arn = f"arn:aws:backup:{JKT}:{A}:backup-plan:p-1"
    plan = item(A, JKT, "AWS::Backup::BackupPlan", arn, {"data-class": "customer-pii"})
    plan["configuration"] = json.dumps(
        {
            "BackupPlanArn": arn,
            "BackupPlan": {
                "BackupPlanName": "daily",
                "BackupPlanRule": [
                    {
                        "RuleName": "r",
                        "CopyActions": [{"DestinationBackupVaultArn": f"arn:aws:backup:us-east-1:{A}:backup-vault:dr"}],
                    }
                ],
            },
        }
    )
    _serve(aws, [[plan]], [])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    copies = [f for f in result.findings if f.policy == "restrict-cross-region-replication"]
    assert any("Backup copy action" in f.message and f.urn == arn for f in copies)
    assert not result.unevaluated


def test_data_type_queries_stay_within_the_expression_limit_and_name_every_type() -> None:
    from residency.audit.config_source import MAX_EXPRESSION, data_type_queries

    present = [f"AWS::Service{i}::Thing{i}" for i in range(400)] + ["AWS::EC2::SecurityGroup", "AWS::S3::Bucket"]
    queries = data_type_queries(present)
    assert len(queries) > 1 and all(len(q) <= MAX_EXPRESSION for q in queries)
    named = [t for q in queries for t in re.findall(r"'([^']+)'", q)]
    assert sorted(named) == sorted(present[:400])


def test_an_rds_snapshot_copy_takes_the_class_of_the_database_it_came_from(aws: boto3.Session) -> None:
    """Tagged with a weaker class, the copy in N. Virginia still holds the Jakarta database's customer PII."""
    db = item(A, JKT, "AWS::RDS::DBInstance", f"arn:aws:rds:{JKT}:{A}:db:kyc-pii", {"data-class": "customer-pii"})
    db["configuration"] = json.dumps({"dBInstanceIdentifier": "kyc-pii", "storageEncrypted": True})
    arn = f"arn:aws:rds:us-east-1:{A}:snapshot:nightly-us"
    copy = item(A, "us-east-1", "AWS::RDS::DBSnapshot", arn, {"data-class": "software-artifact"})
    copy["configuration"] = json.dumps(
        {
            "dBSnapshotArn": arn,
            "dBSnapshotIdentifier": "nightly-us",
            "dBInstanceIdentifier": "kyc-pii",
            "sourceRegion": JKT,
            "snapshotType": "manual",
        }
    )
    _serve(aws, [[db, copy]], [])
    result = run_config_audit(aws, "org", RuleContext(ID_ONLY))
    placed = [f for f in result.findings if f.urn == arn and f.policy == "restrict-data-class-region"]
    assert placed and "customer-pii" in placed[0].message
    assert not result.unevaluated


@pytest.mark.parametrize("types", [[], ["AWS::IAM::Role"]])
def test_an_aggregator_without_items_audited_nothing(aws: boto3.Session, types: list[str]) -> None:
    """Zero configuration items: nothing was recorded (or nothing this audit reads), so no account is audited."""

    def respond(params: Mapping[str, Any]) -> dict[str, Any]:
        if params["Expression"] == TYPES_QUERY:
            return {"Results": [json.dumps({"resourceType": t, "COUNT(*)": 1}) for t in types]}
        return {"Results": []}

    answer(aws, "config", "SelectAggregateResourceConfig", respond)
    result = run_config_audit(aws, "empty", RuleContext(ID_ONLY))
    assert result.exit_code == 3
    assert result.regions["*"].startswith("failed: no account was audited: aggregator empty holds no")


@pytest.mark.parametrize(
    ("field", "value"),
    [("tags", 5), ("tags", [5]), ("configuration", "not-an-object"), ("supplementaryConfiguration", 7)],
)
def test_a_malformed_item_fails_the_aggregator_read_naming_it(aws: boto3.Session, field: str, value: Any) -> None:
    seen: list[Mapping[str, Any]] = []
    _serve(aws, [[bucket(A, JKT, "ok", "customer-pii"), {**bucket(A, JKT, "odd", "customer-pii"), field: value}]], seen)
    result = run_config_audit(aws, "agg", RuleContext(ID_ONLY))
    assert result.exit_code == 3
    assert result.regions["*"].startswith("failed: configuration item AWS::S3::Bucket arn:aws:s3:::odd"), result.regions
    assert "is malformed" in result.regions["*"]


@pytest.mark.parametrize(("row", "problem"), [("{not json", "row 2 is not JSON"), ("5", "row 2 is not a JSON object")])
def test_a_row_that_is_not_an_object_fails_the_aggregator_read(aws: boto3.Session, row: str, problem: str) -> None:
    good = json.dumps(bucket(A, JKT, "ok", "customer-pii"))
    answer(aws, "config", "SelectAggregateResourceConfig", lambda _params: {"Results": [good, row]})
    result = run_config_audit(aws, "agg", RuleContext(ID_ONLY))
    assert result.exit_code == 3 and problem in result.regions["*"], result.regions
