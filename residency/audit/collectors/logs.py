"""CloudWatch Logs: log groups (retention, KMS, tags), subscription filters and destinations."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("logs", region)
    out = []
    for page in c.get_paginator("describe_log_groups").paginate():
        for g in page["logGroups"]:
            name = g["logGroupName"]
            arn = g["arn"].removesuffix(":*")
            tags = clients.inventory.tags(arn)
            if tags is None:  # untagged, or the sweep did not run
                tags = c.list_tags_for_resource(resourceArn=arn).get("tags", {})
            out.append(
                resource(
                    arn,
                    "aws:cloudwatch/logGroup:LogGroup",
                    name,
                    region,
                    {
                        "name": name,
                        "retentionInDays": g.get("retentionInDays"),
                        "kmsKeyId": g.get("kmsKeyId"),
                        "tags": tags,
                    },
                )
            )
            if not clients.needs.copies(tags):
                continue  # its class may be copied anywhere: no subscription can move it out of bounds
            for f in c.describe_subscription_filters(logGroupName=name).get("subscriptionFilters", []):
                out.append(
                    resource(
                        f"{arn}:subscription-filter:{f['filterName']}",
                        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                        f["filterName"],
                        region,
                        {"logGroup": name, "destinationArn": f.get("destinationArn")},
                    )
                )
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
    return out


COLLECTOR = Collector(
    "logs",
    ("DescribeLogGroups", "ListTagsForResource", "DescribeSubscriptionFilters", "DescribeDestinations"),
    collect,
    types=(
        "aws:cloudwatch/logDestination:LogDestination",
        "aws:cloudwatch/logGroup:LogGroup",
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    ),
)
