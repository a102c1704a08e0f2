"""ElastiCache: replication groups (encryption, global membership) and global datastores."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tags_of
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("elasticache", region)
    out = []
    for page in c.get_paginator("describe_replication_groups").paginate():
        for g in page["ReplicationGroups"]:
            arn = g["ARN"]
            tags = tags_of(clients, arn, lambda arn: c.list_tags_for_resource(ResourceName=arn).get("TagList"))
            props = {
                "replicationGroupId": g["ReplicationGroupId"],
                "tags": tags,
                "atRestEncryptionEnabled": g.get("AtRestEncryptionEnabled"),
                "transitEncryptionEnabled": g.get("TransitEncryptionEnabled"),
                "kmsKeyId": g.get("KmsKeyId"),
            }
            glob = g.get("GlobalReplicationGroupInfo", {}).get("GlobalReplicationGroupId")
            if glob:
                props["globalReplicationGroupId"] = glob
            out.append(
                resource(
                    arn, "aws:elasticache/replicationGroup:ReplicationGroup", g["ReplicationGroupId"], region, props
                )
            )
    for g in items(c, "describe_global_replication_groups", "GlobalReplicationGroups", ShowMemberInfo=True):
        primary = next((m for m in g.get("Members", []) if m.get("Role") == "PRIMARY"), None)
        if primary is None or primary.get("ReplicationGroupRegion") != region:
            continue  # listed by every member region; judged once, from the primary's region
        out.append(
            resource(
                g["ARN"],
                "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
                g["GlobalReplicationGroupId"],
                region,
                {
                    "globalReplicationGroupId": g["GlobalReplicationGroupId"],
                    "primaryReplicationGroupId": primary.get("ReplicationGroupId"),
                },
            )
        )
    return out


COLLECTOR = Collector(
    "elasticache",
    ("DescribeReplicationGroups", "ListTagsForResource", "DescribeGlobalReplicationGroups"),
    collect,
    types=(
        "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
        "aws:elasticache/replicationGroup:ReplicationGroup",
    ),
)
