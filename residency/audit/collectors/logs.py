"""CloudWatch Logs: log groups (retention, KMS, tags), subscription filters, account-wide subscription policies
and destinations."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of, token_pages
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("logs", region)

    def read(g: dict[str, Any]) -> list[ResourceInput]:
        name = g["logGroupName"]
        arn = g["arn"].removesuffix(":*")
        tags = tags_of(clients, arn, lambda arn: c.list_tags_for_resource(resourceArn=arn).get("tags"))
        props = {"name": name, "retentionInDays": g.get("retentionInDays"), "kmsKeyId": g.get("kmsKeyId"), "tags": tags}
        group = resource(arn, "aws:cloudwatch/logGroup:LogGroup", name, region, props)
        if not clients.needs.copies(tags):
            return [group]  # its class may be copied anywhere: no subscription can move it out of bounds
        return [group] + [
            resource(
                f"{arn}:subscription-filter:{f['filterName']}",
                "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                f["filterName"],
                region,
                {"logGroup": name, "destinationArn": f.get("destinationArn")},
            )
            for f in items(c, "describe_subscription_filters", "subscriptionFilters", logGroupName=name)
        ]

    out = [r for found in clients.each(read, items(c, "describe_log_groups", "logGroups")) for r in found]
    for d in items(c, "describe_destinations", "destinations"):
        tags = tags_of(clients, d["arn"], lambda arn: c.list_tags_for_resource(resourceArn=arn).get("tags"))
        out.append(
            resource(
                d["arn"],
                "aws:cloudwatch/logDestination:LogDestination",
                d["destinationName"],
                region,
                {"name": d["destinationName"], "targetArn": d.get("targetArn"), "tags": tags},
            )
        )
    return out + _account_policies(c, region)


def _account_policies(c: Any, region: str) -> list[ResourceInput]:
    """An account-wide subscription filter policy ships every log group it selects, with no filter on the group.
    DescribeAccountPolicies pages by nextToken but botocore has no paginator for it."""
    out: list[ResourceInput] = []
    pages = token_pages(c.describe_account_policies, "nextToken", policyType="SUBSCRIPTION_FILTER_POLICY")
    for p in (p for page in pages for p in page.get("accountPolicies", [])):
        name = str(p.get("policyName", ""))
        arn = f"arn:aws:logs:{region}:{p.get('accountId', '')}:account-policy:{name}"
        props = {k: p.get(k) for k in ("policyName", "policyType", "policyDocument", "scope", "selectionCriteria")}
        out.append(resource(arn, "aws:cloudwatch/logAccountPolicy:LogAccountPolicy", name, region, props))
    return out


COLLECTOR = Collector(
    "logs",
    (
        "DescribeLogGroups",
        "ListTagsForResource",
        "DescribeSubscriptionFilters",
        "DescribeDestinations",
        "DescribeAccountPolicies",
    ),
    collect,
    types=(
        "aws:cloudwatch/logAccountPolicy:LogAccountPolicy",
        "aws:cloudwatch/logDestination:LogDestination",
        "aws:cloudwatch/logGroup:LogGroup",
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    ),
)
