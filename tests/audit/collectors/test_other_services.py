import json

import boto3

from residency.audit import moto_gaps
from tests.audit.conftest import JKT, SIN, audit, delivery_stream, messages


def test_sqs_outbox_in_singapore(aws: boto3.Session) -> None:
    aws.client("sqs", region_name=SIN).create_queue(QueueName="outbox", tags={"data-class": "webhook-outbox"})
    result = audit(aws, regions=[SIN])
    assert any(
        "webhook-outbox may not live in ap-southeast-1" in m for m in messages(result, "restrict-data-class-region")
    )


def test_backup_plan_copy_action(aws: boto3.Session) -> None:
    backup = aws.client("backup", region_name=JKT)
    backup.create_backup_vault(BackupVaultName="local", BackupVaultTags={"data-class": "customer-pii"})
    backup.create_backup_plan(
        BackupPlan={
            "BackupPlanName": "daily",
            "Rules": [
                {
                    "RuleName": "r",
                    "TargetBackupVaultName": "local",
                    "CopyActions": [
                        {"DestinationBackupVaultArn": f"arn:aws:backup:{SIN}:123456789012:backup-vault:dr"}
                    ],
                }
            ],
        },
        BackupPlanTags={"data-class": "customer-pii"},
    )
    result = audit(aws, regions=[JKT])
    assert any("Backup copy action" in m for m in messages(result, "restrict-cross-region-replication"))


def test_ecr_registry_replication(aws: boto3.Session) -> None:
    ecr = aws.client("ecr", region_name=JKT)
    ecr.create_repository(repositoryName="kyc-app", tags=[{"Key": "data-class", "Value": "customer-pii"}])
    ecr.put_replication_configuration(
        replicationConfiguration={"rules": [{"destinations": [{"region": SIN, "registryId": "123456789012"}]}]}
    )
    result = audit(aws, regions=[JKT])
    assert any("ECR replication" in m for m in messages(result, "restrict-cross-region-replication"))


def test_efs_replication(aws: boto3.Session) -> None:
    """Moto lacks DescribeReplicationConfigurations: only that call is answered here."""
    fs = aws.client("efs", region_name=JKT).create_file_system(
        CreationToken="t", Tags=[{"Key": "data-class", "Value": "source-document"}]
    )
    moto_gaps.answer(
        aws,
        "efs",
        "DescribeReplicationConfigurations",
        lambda params: {
            "Replications": [{"SourceFileSystemId": fs["FileSystemId"], "Destinations": [{"Region": SIN}]}]
        },
    )
    result = audit(aws, regions=[JKT])
    assert any("EFS replication" in m for m in messages(result, "restrict-cross-region-replication"))


def test_firehose_into_singapore_bucket(aws: boto3.Session) -> None:
    delivery_stream(aws, "api", "sg-logs", SIN, "api-log")
    result = audit(aws, regions=[JKT, SIN])
    assert any(
        "Firehose delivery" in m and "-> ap-southeast-1" in m
        for m in messages(result, "restrict-cross-region-replication")
    ), json.dumps([f.message for f in result.findings])
