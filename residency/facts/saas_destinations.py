"""Services that deliver data into a SaaS application outside AWS: the application's region cannot be determined.

An AppFlow flow writes to Snowflake, Salesforce, Zendesk, SAP or a custom connector through a connector profile
that holds only credentials and account names, often made in the console; Amazon Q in chat applications (Chatbot)
posts every message of its SNS topics to a Slack or Microsoft Teams channel; an SNS subscription of protocol
`application` pushes each message to phones through Apple's, Google's, Baidu's or Amazon's push service, its
endpoint ARN naming only the Jakarta platform application. No URL, ARN or region names where the
data lands, so the reference scan saw nothing leave. Each such destination is a reference to a place whose region
cannot be determined: the flow or channel configuration carries what it reads there, and fails closed. AppFlow's
AWS destinations (S3, Redshift, EventBridge, ...) name their resources and are judged through them.
"""

from typing import Any

from residency.facts.resource import Direction, Reference, ResourceFacts
from residency.facts.values import as_list, get_path, is_unknown, reveal

FLOW = "aws:appflow/flow:Flow"
SLACK = "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration"
TEAMS = "aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration"
SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
PUSH = "application"
AWS_CONNECTORS = frozenset({"S3", "Redshift", "EventBridge", "LookoutMetrics", "CustomerProfiles", "Honeycode"})
"""AppFlow destinations inside AWS: they name a bucket, cluster or bus the scan already follows."""


def _shown(value: Any) -> str:
    return value if isinstance(value, str) and value and not is_unknown(value) else "unknown during preview"


def _outside(prop: str, text: str, problem: str) -> Reference:
    return Reference(prop, Direction.DESTINATION, None, None, text, problem)


def _flow_destinations(props: dict[str, Any]) -> list[Reference]:
    found = []
    configs = props.get("destinationFlowConfigs")
    for config in [configs] if is_unknown(configs) else as_list(configs):
        connector = get_path(config, "connectorType") if isinstance(config, dict) else config
        if isinstance(connector, str) and connector in AWS_CONNECTORS:
            continue
        profile = _shown(get_path(config, "connectorProfileName"))
        text = f"AppFlow destination {_shown(connector)} (connector profile {profile})"
        found.append(
            _outside(
                "destinationFlowConfigs",
                text,
                f"{text} is an application outside AWS: where its data goes is unknown",
            )
        )
    return found


def _chat(f: ResourceFacts, props: dict[str, Any]) -> list[Reference]:
    app, team = ("Slack", props.get("slackTeamId")) if f.type == SLACK else ("Microsoft Teams", props.get("teamId"))
    text = f"{app} workspace {_shown(team)}"
    problem = f"{f.resource.name} posts the messages of its SNS topics to {text}, outside AWS: where they go is unknown"
    return [_outside("channel", text, problem)]


def saas_references(f: ResourceFacts) -> list[Reference]:
    """References to the SaaS applications `f` delivers data to (none for other types)."""
    if f.type not in (FLOW, SLACK, TEAMS, SUBSCRIPTION):
        return []  # build_facts asks this of every resource: no copy of the props of the others
    props = reveal(f.props)
    if f.type == FLOW:
        return _flow_destinations(props)
    if f.type in (SLACK, TEAMS):
        return _chat(f, props)
    if props.get("protocol") == PUSH:
        text = f"mobile push service behind {_shown(props.get('endpoint'))}"
        problem = (
            f"{f.resource.name} pushes its topic's messages to phones through a {text}, outside AWS: where they go "
            "is unknown"
        )
        return [_outside("endpoint", text, problem)]
    return []
