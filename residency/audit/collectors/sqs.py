"""SQS: queues with their tags (from the tagging sweep) and, where the class needs a CMK, their KMS key."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("sqs", region)

    def read(url: str) -> ResourceInput:
        account, name = url.rstrip("/").rsplit("/", 2)[-2:]
        arn = f"arn:aws:sqs:{region}:{account}:{name}"
        tags = tags_of(clients, arn, lambda _arn: c.list_queue_tags(QueueUrl=url).get("Tags"))
        props: dict[str, object] = {"name": name, "tags": tags}
        if clients.needs.control(tags, "customer_managed_key"):
            attrs = c.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn", "KmsMasterKeyId"])
            arn = attrs["Attributes"].get("QueueArn", arn)
            props["kmsMasterKeyId"] = attrs["Attributes"].get("KmsMasterKeyId")
        return resource(arn, "aws:sqs/queue:Queue", name, region, props)

    urls = items(c, "list_queues", "QueueUrls", PaginationConfig={"PageSize": 1000})
    return clients.each(read, [str(u) for u in urls])


COLLECTOR = Collector(
    "sqs", ("ListQueues", "GetQueueAttributes", "ListQueueTags"), collect, types=("aws:sqs/queue:Queue",)
)
