import boto3

from residency.audit.demo_seed import _bucket
from tests.audit.conftest import IAD, JKT, SIN, audit, messages
from tests.conftest import ID_SG


def _make(session: boto3.Session, region: str, name: str, cls: str) -> None:
    _bucket(session, None, region, name, cls)


def test_compliant_jakarta_bucket_and_us_watchlist(aws: boto3.Session) -> None:
    _make(aws, JKT, "kyc-docs", "source-document")
    _make(aws, IAD, "kyc-watchlist", "watchlist")
    result = audit(aws)
    assert result.findings == [] and result.exit_code == 0
    bucket = next(r for r in result.resources if r.urn == "arn:aws:s3:::kyc-docs")
    assert bucket.outputs["region"] == JKT and bucket.props["tags"]["data-class"] == "source-document"


def test_pii_bucket_in_singapore(aws: boto3.Session) -> None:
    _make(aws, SIN, "kyc-pii-sg", "customer-pii")
    result = audit(aws)
    assert any(
        "kyc-pii-sg: customer-pii may not live in ap-southeast-1" in m
        for m in messages(result, "restrict-data-class-region")
    )
    assert result.exit_code == 1


def test_replication_rule_to_another_region(aws: boto3.Session) -> None:
    _make(aws, JKT, "kyc-bio", "biometric")
    _make(aws, SIN, "kyc-bio-dr", "biometric")
    aws.client("s3", region_name=JKT).put_bucket_replication(
        Bucket="kyc-bio",
        ReplicationConfiguration={
            "Role": "arn:aws:iam::123456789012:role/r",
            "Rules": [
                {
                    "ID": "dr",
                    "Status": "Enabled",
                    "Priority": 1,
                    "Filter": {"Prefix": ""},
                    "DeleteMarkerReplication": {"Status": "Disabled"},
                    "Destination": {"Bucket": "arn:aws:s3:::kyc-bio-dr"},
                }
            ],
        },
    )
    only = audit(aws)
    assert any(
        "biometric may not be copied ap-southeast-3 (id-jkt-1) -> ap-southeast-1" in m
        for m in messages(only, "restrict-cross-region-replication")
    )
    assert messages(audit(aws, ID_SG), "restrict-cross-region-replication") == []


def test_untagged_and_unencrypted_bucket(aws: boto3.Session) -> None:
    aws.client("s3", region_name=JKT).create_bucket(
        Bucket="mystery", CreateBucketConfiguration={"LocationConstraint": JKT}
    )
    result = audit(aws)
    assert messages(result, "require-data-class-tag")
