"""`--source config-aggregator NAME`: configuration items across accounts and regions, judged by the same rules.

Moto lacks SelectAggregateResourceConfig: each test answers it per call with configuration items in the
documented shape, and test_moto_still_lacks_the_query notices the day moto implements it.
"""

import json
from collections.abc import Mapping
from typing import Any

import boto3
import pytest

from residency.audit.config_source import QUERY, TAGGED_QUERY, run_config_audit
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
    def respond(params: Mapping[str, Any]) -> dict[str, Any]:
        seen.append(params)
        if params["Expression"] == TAGGED_QUERY:
            return {"Results": [json.dumps(i) for i in others or []], "QueryInfo": {}}
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
    assert [p["ConfigurationAggregatorName"] for p in seen] == ["org-aggregator"] * 3
    assert [p["Expression"] for p in seen] == [QUERY, QUERY, TAGGED_QUERY] and "AWS::S3::Bucket" in QUERY
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
