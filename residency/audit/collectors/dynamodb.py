"""DynamoDB: tables with their global-table replicas and tags."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tag_dict
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("dynamodb", region)
    out = []
    for page in c.get_paginator("list_tables").paginate():
        for name in page["TableNames"]:
            table = c.describe_table(TableName=name)["Table"]
            tags = c.list_tags_of_resource(ResourceArn=table["TableArn"]).get("Tags", [])
            out.append(
                resource(
                    table["TableArn"],
                    "aws:dynamodb/table:Table",
                    name,
                    region,
                    {
                        "name": name,
                        "tags": tag_dict(tags),
                        "replicas": [{"regionName": r["RegionName"]} for r in table.get("Replicas", [])],
                        "serverSideEncryption": {"kmsKeyArn": table.get("SSEDescription", {}).get("KMSMasterKeyArn")},
                    },
                )
            )
    return out


COLLECTOR = Collector(
    "dynamodb", ("ListTables", "DescribeTable", "ListTagsOfResource"), collect, types=("aws:dynamodb/table:Table",)
)
