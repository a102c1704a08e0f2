"""Moto fixtures: credentials that can never reach AWS, a mocked account, and an audit helper."""

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from residency.audit import moto_gaps
from residency.audit.clients import ClientFactory
from residency.audit.progress import AuditProgress
from residency.audit.runner import AuditResult, run_audit
from residency.model.posture import Posture
from residency.rules.base import RuleContext
from tests.conftest import ID_ONLY

JKT, SIN, IAD = "ap-southeast-3", "ap-southeast-1", "us-east-1"
REGIONS = [JKT, SIN, IAD]
FAST_RETRY = {"max_attempts": 3, "mode": "standard"}


@pytest.fixture(autouse=True)
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": JKT,
    }.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def aws() -> Iterator[boto3.Session]:
    with mock_aws():
        yield boto3.Session(region_name=JKT)


def audit(
    session: boto3.Session,
    posture: Posture = ID_ONLY,
    regions: list[str] | None = None,
    factory: ClientFactory | None = None,
) -> AuditResult:
    # Moto lacks these reads; a test that needs them answers them first (earlier handlers win).
    moto_gaps.install_empty_answers(session)
    factory = factory or ClientFactory(session, retries=FAST_RETRY)
    return run_audit(factory, regions or REGIONS, RuleContext(posture), workers=1)


def audit_with(session: boto3.Session, progress: AuditProgress) -> AuditResult:
    moto_gaps.install_empty_answers(session)
    return run_audit(ClientFactory(session, retries=FAST_RETRY), REGIONS, RuleContext(ID_ONLY), 1, progress)


def delivery_stream(session: boto3.Session, name: str, bucket: str, bucket_region: str, data_class: str) -> None:
    """A Firehose stream in Jakarta delivering into a new bucket in `bucket_region`."""
    session.client("s3", region_name=bucket_region).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": bucket_region}
    )
    session.client("firehose", region_name=JKT).create_delivery_stream(
        DeliveryStreamName=name,
        ExtendedS3DestinationConfiguration={
            "RoleARN": "arn:aws:iam::123456789012:role/f",
            "BucketARN": f"arn:aws:s3:::{bucket}",
        },
        Tags=[{"Key": "data-class", "Value": data_class}],
    )


def db_instance(session: boto3.Session, region: str, name: str, data_class: str, **settings: Any) -> None:
    """A small PostgreSQL instance tagged with `data_class`; `settings` adds CreateDBInstance parameters."""
    session.client("rds", region_name=region).create_db_instance(
        DBInstanceIdentifier=name,
        Engine="postgres",
        DBInstanceClass="db.t4g.micro",
        AllocatedStorage=20,
        MasterUsername="u",
        MasterUserPassword="p" * 12,
        Tags=[{"Key": "data-class", "Value": data_class}],
        **settings,
    )


def messages(result: AuditResult, policy: str) -> list[str]:
    return [f.message for f in result.findings if f.policy == policy]
