"""DynamoDB: tables with their tags (from the tagging sweep) and, where a rule needs them, replicas and key."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tag_dict
from residency.facts.resource import ResourceInput


def _tags(c: Any, arn: str) -> dict[str, str]:
    return tag_dict([t for t in items(c, "list_tags_of_resource", "Tags", ResourceArn=arn)])


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    """DescribeTable (replicas, key) only for a class whose copies or key a rule judges, or an untagged table."""
    c = clients.client("dynamodb", region)

    def read(name: str) -> ResourceInput:
        arn = clients.inventory.arn("dynamodb", region, f"table/{name}")
        tags = clients.inventory.tags(arn) if arn else None
        props: dict[str, Any] = {"name": name}
        needs = clients.needs
        if arn is None or tags is None or needs.copies(tags) or needs.control(tags, "customer_managed_key"):
            table = c.describe_table(TableName=name)["Table"]
            arn = str(table["TableArn"])
            tags = tags if tags is not None else _tags(c, arn)
            props["replicas"] = [{"regionName": r["RegionName"]} for r in table.get("Replicas", [])]
            props["serverSideEncryption"] = {"kmsKeyArn": table.get("SSEDescription", {}).get("KMSMasterKeyArn")}
        props["tags"] = tags
        return resource(arn, "aws:dynamodb/table:Table", name, region, props)

    names = items(c, "list_tables", "TableNames", PaginationConfig={"PageSize": 100})
    return clients.each(read, [str(n) for n in names])


COLLECTOR = Collector(
    "dynamodb", ("ListTables", "DescribeTable", "ListTagsOfResource"), collect, types=("aws:dynamodb/table:Table",)
)
