"""What no service collector reads is still found (tagging listing), judged on region and tags, and not 'clean'."""

import json
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from residency.audit.clients import ClientFactory
from tests.audit.conftest import FAST_RETRY, IAD, JKT, SIN, audit, messages


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body

    def read(self, *_: Any, **__: Any) -> bytes:
        return self._body


def test_a_resource_of_a_type_no_collector_reads_is_judged_and_reported_as_not_evaluated(aws: boto3.Session) -> None:
    topic = aws.client("sns", region_name=SIN).create_topic(
        Name="kyc-events", Tags=[{"Key": "owner", "Value": "risk"}]
    )["TopicArn"]
    result = audit(aws, regions=[JKT, SIN])
    assert [r.urn for r in result.unevaluated] == [topic]
    assert result.unevaluated[0].type == "aws:sns/topic:Topic"
    assert result.exit_code == 3 and result.incomplete
    placed = messages(result, "restrict-data-class-region")
    assert any(m.startswith("kyc-events: audit-log may not live in ap-southeast-1") for m in placed), placed
    assert any(n.startswith(f"not evaluated: aws:sns/topic:Topic {topic}") for n in result.notes)


def test_a_tagged_resource_of_an_unread_type_in_jakarta_is_incomplete_but_not_a_violation(aws: boto3.Session) -> None:
    aws.client("sns", region_name=JKT).create_topic(Name="kyc-events", Tags=[{"Key": "data-class", "Value": "api-log"}])
    result = audit(aws, regions=[JKT])
    assert messages(result, "restrict-data-class-region") == []
    assert result.exit_code == 3


def test_resources_a_collector_reads_are_not_listed_twice(aws: boto3.Session) -> None:
    aws.client("sqs", region_name=JKT).create_queue(QueueName="outbox", tags={"data-class": "webhook-outbox"})
    result = audit(aws, regions=[JKT])
    assert result.unevaluated == []
    assert sum(r.type == "aws:sqs/queue:Queue" for r in result.resources) == 1


def test_control_resources_found_by_the_listing_are_ignored(aws: boto3.Session) -> None:
    aws.client("ec2", region_name=IAD).create_vpc(
        CidrBlock="10.0.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "k", "Value": "v"}]}]
    )
    result = audit(aws, regions=[IAD])
    assert result.unevaluated == [] and result.exit_code == 0


@pytest.mark.parametrize("arn", [None, "", 7])
def test_a_listed_resource_without_its_arn_fails_the_sweep(aws: boto3.Session, arn: Any) -> None:
    """It was skipped: a tagged resource the answer could not name vanished from a region reported as audited."""
    factory = ClientFactory(aws, retries=FAST_RETRY)

    def answer(**_: Any) -> AWSResponse:
        item = {"Tags": [{"Key": "data-class", "Value": "customer-pii"}]} | (
            {} if arn is None else {"ResourceARN": arn}
        )
        body = json.dumps({"ResourceTagMappingList": [item], "PaginationToken": ""}).encode()
        return AWSResponse("https://tagging", 200, {"Content-Type": "application/x-amz-json-1.1"}, _Raw(body))

    factory.client("resourcegroupstaggingapi", SIN).meta.events.register(
        "before-send.resource-groups-tagging-api.GetResources", answer
    )
    result = audit(aws, regions=[JKT, SIN], factory=factory)
    assert result.regions[JKT] == "audited"
    assert result.regions[SIN].startswith(
        "failed: resourcegroupstaggingapi: MalformedAnswerError: GetResources listed a resource whose ResourceARN is"
    )
    assert result.exit_code == 3
