"""Deliveries into SaaS applications outside AWS (AppFlow connectors, chat channels) go to an undetermined region."""

from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.values import UNKNOWN
from tests.rules.fixtures import STACK_CONFIG, res, tags

FLOW = "aws:appflow/flow:Flow"
SLACK = "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration"


def outside_edges(type_: str, props: dict[str, Any]) -> list[str]:
    bucket = res("aws:s3/bucket:Bucket", "docs", {"bucket": "docs-1", "tags": tags()})
    facts = build_facts([bucket, res(type_, "x", {**props, "tags": tags()})], STACK_CONFIG, {})
    return [e.problem or "" for e in facts[-1].copies if e.destination_region is None]


@pytest.mark.parametrize(
    "destinations",
    [
        [{"connectorType": "Snowflake", "connectorProfileName": "partner-sf"}],
        [{"connectorType": "CustomConnector", "connectorProfileName": "p"}],
        [{"connectorType": UNKNOWN}],
        UNKNOWN,
    ],
    ids=["snowflake", "custom connector", "unknown type", "unknown configs"],
)
def test_a_flow_to_an_application_outside_aws_fails_closed(destinations: Any) -> None:
    (problem,) = outside_edges(FLOW, {"destinationFlowConfigs": destinations})
    assert "outside AWS" in problem


def test_a_flow_to_a_bucket_of_the_stack_is_judged_through_the_bucket() -> None:
    destinations = [{"connectorType": "S3", "destinationConnectorProperties": {"s3": {"bucketName": "docs-1"}}}]
    assert outside_edges(FLOW, {"destinationFlowConfigs": destinations}) == []


def test_a_chat_channel_is_outside_aws() -> None:
    (problem,) = outside_edges(SLACK, {"slackTeamId": "T1", "snsTopicArns": []})
    assert "Slack workspace T1" in problem


def test_a_mobile_push_subscription_is_outside_aws() -> None:
    props = {"protocol": "application", "endpoint": "arn:aws:sns:ap-southeast-3:1:endpoint/GCM/app/x", "topic": "t"}
    problems = outside_edges("aws:sns/topicSubscription:TopicSubscription", props)
    assert problems and all("mobile push service" in p for p in problems)
