"""An answer in a protocol the check does not know, or without the field it lists, is not trusted: that service
is not audited."""

from types import SimpleNamespace

import boto3
import pytest

from residency.audit.answer_check import MAY_OMIT, NotTheServiceError, check_answer, result_fields
from residency.audit.moto_gaps import answer
from tests.audit.conftest import JKT, audit


def _operation(protocol: str) -> SimpleNamespace:
    service = SimpleNamespace(resolved_protocol=protocol, service_id="Future")
    return SimpleNamespace(service_model=service, name="ListThings", output_shape=None)


def test_an_unknown_protocol_fails_closed() -> None:
    response = {"status_code": 200, "headers": {}, "body": b"\xa1\x65things\x80"}
    with pytest.raises(NotTheServiceError, match="protocol smithy-rpc-v2-cbor, which this audit cannot verify"):
        check_answer(_operation("smithy-rpc-v2-cbor"), response, endpoint="http://127.0.0.1:1")


def test_errors_are_left_to_botocore() -> None:
    check_answer(_operation("smithy-rpc-v2-cbor"), {"status_code": 500, "headers": {}, "body": b"oops"})


LISTINGS = [
    ("dynamodb", "dynamodb", "ListTables", "TableNames"),
    ("logs", "logs", "DescribeLogGroups", "logGroups"),
    ("logs", "logs", "DescribeDestinations", "destinations"),
    ("logs", "logs", "DescribeAccountPolicies", "accountPolicies"),
    ("kms", "kms", "ListKeys", "Keys"),
    ("firehose", "firehose", "ListDeliveryStreams", "DeliveryStreamNames"),
    ("backup", "backup", "ListBackupVaults", "BackupVaultList"),
    ("backup", "backup", "ListBackupPlans", "BackupPlansList"),
    ("ecr", "ecr", "DescribeRegistry", "registryId"),
    ("ecr", "ecr", "DescribeRepositories", "repositories"),
    ("efs", "efs", "DescribeReplicationConfigurations", "Replications"),
    ("efs", "efs", "DescribeFileSystems", "FileSystems"),
    ("secretsmanager", "secretsmanager", "ListSecrets", "SecretList"),
    ("resourcegroupstaggingapi", "resourcegroupstaggingapi", "GetResources", "ResourceTagMappingList"),
    ("ec2", "ec2", "DescribeVolumes", "Volumes"),
    ("rds", "rds", "DescribeGlobalClusters", "GlobalClusters"),
    ("elasticache", "elasticache", "DescribeGlobalReplicationGroups", "GlobalReplicationGroups"),
    ("s3", "s3", "ListBuckets", "Buckets"),
    ("opensearch", "opensearch", "ListDomainNames", "DomainNames"),
]


@pytest.mark.parametrize(("collector", "service", "operation", "field"), LISTINGS)
def test_a_listing_without_its_list_is_not_audited(
    aws: boto3.Session, collector: str, service: str, operation: str, field: str
) -> None:
    """`{}` is a well-formed answer, but not the listing's: botocore would read the missing list as empty."""
    answer(aws, service, operation, lambda _params: {})
    result = audit(aws, regions=[JKT])
    assert result.exit_code == 3
    assert f"{collector}: IncompleteAnswerError: " in result.regions[JKT]
    assert f"answered {operation} without its {field} field" in result.regions[JKT]


def test_a_listing_aws_leaves_out_when_empty_is_tolerated(aws: boto3.Session) -> None:
    """SQS answers a region without queues with `{}`: that is a clean region, not a wrong answer."""
    answer(aws, "sqs", "ListQueues", lambda _params: {})
    result = audit(aws, regions=[JKT])
    assert result.regions[JKT] == "audited"
    assert ("sqs", "ListQueues") in MAY_OMIT


def test_result_fields_come_from_the_paginator_and_the_model() -> None:
    session = boto3.Session(region_name=JKT)
    model = session.client("kms").meta.service_model.operation_model("ListKeys")
    assert result_fields(model) == ("Keys",)
    firehose = session.client("firehose").meta.service_model.operation_model("ListDeliveryStreams")
    assert result_fields(firehose) == ("DeliveryStreamNames", "HasMoreDeliveryStreams")
    sqs = session.client("sqs").meta.service_model.operation_model("ListQueues")
    assert result_fields(sqs) == ()
