"""Secrets Manager: secrets and the regions they replicate to."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tag_dict
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("secretsmanager", region)
    out = []
    for page in c.get_paginator("list_secrets").paginate():
        for s in page["SecretList"]:
            if s.get("PrimaryRegion") not in (None, region):
                continue  # a replica is listed in its own region; the primary's replica list judges it
            tags = tag_dict(s.get("Tags"))
            props: dict[str, Any] = {"name": s["Name"], "tags": tags, "kmsKeyId": s.get("KmsKeyId")}
            if clients.needs.copies(tags):  # ListSecrets does not carry the replication status
                detail = c.describe_secret(SecretId=s["ARN"])
                props["replicas"] = [{"region": r["Region"]} for r in detail.get("ReplicationStatus", [])]
            out.append(resource(s["ARN"], "aws:secretsmanager/secret:Secret", s["Name"], region, props))
    return out


COLLECTOR = Collector(
    "secretsmanager", ("ListSecrets", "DescribeSecret"), collect, types=("aws:secretsmanager/secret:Secret",)
)
