from typing import Any

import boto3

from residency.audit import moto_gaps
from residency.audit.collectors import rds
from tests.audit.conftest import IAD, JKT, SIN, audit, messages


def _db(aws: boto3.Session, region: str, name: str, cls: str | None, **kw: Any) -> str:
    tags = [{"Key": "data-class", "Value": cls}] if cls else []
    kms = aws.client("kms", region_name=region).create_key(
        Tags=[{"TagKey": t["Key"], "TagValue": t["Value"]} for t in tags]
    )["KeyMetadata"]["Arn"]
    return str(
        aws.client("rds", region_name=region).create_db_instance(
            DBInstanceIdentifier=name,
            Engine="postgres",
            DBInstanceClass="db.t4g.micro",
            AllocatedStorage=20,
            MasterUsername="u",
            MasterUserPassword="p" * 12,
            StorageEncrypted=True,
            KmsKeyId=kms,
            DeletionProtection=True,
            Tags=tags,
            **kw,
        )["DBInstance"]["DBInstanceArn"]
    )


def test_compliant_instance(aws: boto3.Session) -> None:
    _db(aws, JKT, "kyc", "customer-pii")
    result = audit(aws, regions=[JKT])
    assert [f.message for f in result.findings] == [] and result.exit_code == 0
    db = next(r for r in result.resources if r.type == "aws:rds/instance:Instance")
    assert db.props["storageEncrypted"] is True and db.props["deletionProtection"] is True


def test_untagged_instance_and_pii_in_singapore(aws: boto3.Session) -> None:
    _db(aws, JKT, "untagged", None)
    _db(aws, SIN, "sg-pii", "customer-pii")
    result = audit(aws, regions=[JKT, SIN])
    assert any("untagged holds data" in m for m in messages(result, "require-data-class-tag"))
    assert any(
        "sg-pii: customer-pii may not live in ap-southeast-1" in m
        for m in messages(result, "restrict-data-class-region")
    )


def test_cross_region_read_replica(aws: boto3.Session) -> None:
    source = _db(aws, JKT, "primary", "customer-pii")
    aws.client("rds", region_name=SIN).create_db_instance_read_replica(
        DBInstanceIdentifier="replica",
        SourceDBInstanceIdentifier=source,
        Tags=[{"Key": "data-class", "Value": "customer-pii"}],
    )
    result = audit(aws, regions=[JKT, SIN])
    assert any("RDS read replica on replica" in m for m in messages(result, "restrict-cross-region-replication"))


def test_automated_backup_replication_is_found(aws: boto3.Session) -> None:
    """Moto lacks automated-backup replication: only DescribeDBInstanceAutomatedBackups is answered here."""
    source = _db(aws, JKT, "primary", "customer-pii")
    replica_arn = f"arn:aws:rds:{SIN}:123456789012:auto-backup:ab-1"
    moto_gaps.answer(
        aws,
        "rds",
        "DescribeDBInstanceAutomatedBackups",
        lambda params: {
            "DBInstanceAutomatedBackups": [
                {
                    "DBInstanceArn": source,
                    "DBInstanceIdentifier": "primary",
                    "DBInstanceAutomatedBackupsReplications": [{"DBInstanceAutomatedBackupsArn": replica_arn}],
                }
            ]
        },
    )
    result = audit(aws, regions=[JKT])
    assert any(
        "RDS automated backup replication" in m and "-> ap-southeast-1" in m
        for m in messages(result, "restrict-cross-region-replication")
    )


def test_a_database_snapshot_copied_out_of_jakarta_is_found(aws: boto3.Session) -> None:
    _db(aws, JKT, "kyc-pii", "customer-pii")
    jakarta = aws.client("rds", region_name=JKT)
    source = jakarta.create_db_snapshot(DBSnapshotIdentifier="nightly", DBInstanceIdentifier="kyc-pii")["DBSnapshot"]
    aws.client("rds", region_name=IAD).copy_db_snapshot(
        SourceDBSnapshotIdentifier=source["DBSnapshotArn"], TargetDBSnapshotIdentifier="nightly-us", SourceRegion=JKT
    )
    result = audit(aws, regions=[JKT, IAD])
    # moto's copy carries neither SourceRegion nor SourceDBSnapshotIdentifier (AWS's does): its source is looked
    # for in us-east-1, not found, and judged as the strictest class; the copy is flagged either way
    copy = [f for f in result.findings if (f.urn or "").endswith(":snapshot:nightly-us")]
    assert copy, [f.message for f in result.findings]
    assert any(f.policy in ("restrict-data-class-region", "require-data-class-tag") for f in copy)


def test_a_snapshot_copy_names_its_source_in_the_region_it_came_from() -> None:
    arn = f"arn:aws:rds:{IAD}:123456789012:snapshot:nightly-us"
    from_arn = f"arn:aws:rds:{JKT}:123456789012:snapshot:nightly"
    expected = f"arn:aws:rds:{JKT}:123456789012:db:kyc-pii"
    assert rds.source_arn(arn, from_arn, "db", "kyc-pii") == expected
    assert rds.source_arn(arn, "nightly", "db", "kyc-pii", JKT) == expected
    assert rds.source_arn(arn, None, "db", "kyc-pii") == f"arn:aws:rds:{IAD}:123456789012:db:kyc-pii"
    assert rds.source_arn(arn, None, "db", None) is None
