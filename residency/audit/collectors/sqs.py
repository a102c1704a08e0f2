"""SQS: queues with their KMS key and tags (webhook outboxes live here)."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("sqs", region)
    out = []
    for page in c.get_paginator("list_queues").paginate():
        for url in page.get("QueueUrls", []):
            attrs = c.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn", "KmsMasterKeyId"])["Attributes"]
            tags = c.list_queue_tags(QueueUrl=url).get("Tags", {})
            name = url.rsplit("/", 1)[-1]
            out.append(
                resource(
                    attrs["QueueArn"],
                    "aws:sqs/queue:Queue",
                    name,
                    region,
                    {"name": name, "kmsMasterKeyId": attrs.get("KmsMasterKeyId"), "tags": tags},
                )
            )
    return out


COLLECTOR = Collector(
    "sqs", ("ListQueues", "GetQueueAttributes", "ListQueueTags"), collect, types=("aws:sqs/queue:Queue",)
)
