"""SQS: queues with their tags (from the tagging sweep) and, where the class needs a CMK, their KMS key."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("sqs", region)
    out = []
    for page in c.get_paginator("list_queues").paginate():
        for url in page.get("QueueUrls", []):
            account, name = url.rstrip("/").rsplit("/", 2)[-2:]
            arn = f"arn:aws:sqs:{region}:{account}:{name}"
            tags = clients.inventory.tags(arn)
            if tags is None:  # untagged, or the sweep did not run: ask the queue itself
                tags = c.list_queue_tags(QueueUrl=url).get("Tags", {})
            props: dict[str, object] = {"name": name, "tags": tags}
            if clients.needs.control(tags, "customer_managed_key"):
                attrs = c.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn", "KmsMasterKeyId"])
                arn = attrs["Attributes"].get("QueueArn", arn)
                props["kmsMasterKeyId"] = attrs["Attributes"].get("KmsMasterKeyId")
            out.append(resource(arn, "aws:sqs/queue:Queue", name, region, props))
    return out


COLLECTOR = Collector(
    "sqs", ("ListQueues", "GetQueueAttributes", "ListQueueTags"), collect, types=("aws:sqs/queue:Queue",)
)
