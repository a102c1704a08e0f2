"""KMS: customer-managed keys, multi-Region primaries and replicas, tags."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tag_dict
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("kms", region)
    out = []
    for page in c.get_paginator("list_keys").paginate():
        for k in page["Keys"]:
            meta = c.describe_key(KeyId=k["KeyId"])["KeyMetadata"]
            if meta.get("KeyManager") != "CUSTOMER" or meta.get("KeyState") == "PendingDeletion":
                continue
            tags = tag_dict(c.list_resource_tags(KeyId=k["KeyId"]).get("Tags", []))
            multi = meta.get("MultiRegionConfiguration", {})
            if multi.get("MultiRegionKeyType") == "REPLICA":
                out.append(
                    resource(
                        meta["Arn"],
                        "aws:kms/replicaKey:ReplicaKey",
                        k["KeyId"],
                        region,
                        {"primaryKeyArn": multi.get("PrimaryKey", {}).get("Arn"), "tags": tags},
                    )
                )
            else:
                out.append(
                    resource(
                        meta["Arn"],
                        "aws:kms/key:Key",
                        k["KeyId"],
                        region,
                        {"multiRegion": bool(meta.get("MultiRegion")), "tags": tags},
                    )
                )
    return out


COLLECTOR = Collector(
    "kms",
    ("ListKeys", "DescribeKey", "ListResourceTags"),
    collect,
    types=("aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"),
)
