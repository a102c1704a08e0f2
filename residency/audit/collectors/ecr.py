"""ECR: repositories and the registry's replication configuration."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tag_dict
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("ecr", region)
    out = []
    for page in c.get_paginator("describe_repositories").paginate():
        for r in page["repositories"]:
            tags = c.list_tags_for_resource(resourceArn=r["repositoryArn"]).get("tags", [])
            out.append(
                resource(
                    r["repositoryArn"],
                    "aws:ecr/repository:Repository",
                    r["repositoryName"],
                    region,
                    {"name": r["repositoryName"], "tags": tag_dict(tags)},
                )
            )
    registry = c.describe_registry()
    rules = registry.get("replicationConfiguration", {}).get("rules", [])
    if rules:
        arn = f"arn:aws:ecr:{region}:{registry.get('registryId', '')}:registry/replication"
        out.append(
            resource(
                arn,
                "aws:ecr/replicationConfiguration:ReplicationConfiguration",
                "registry-replication",
                region,
                {
                    "replicationConfiguration": {
                        "rules": [
                            {
                                "destinations": [
                                    {"region": d.get("region"), "registryId": d.get("registryId")}
                                    for d in rule.get("destinations", [])
                                ]
                            }
                            for rule in rules
                        ]
                    }
                },
            )
        )
    return out


COLLECTOR = Collector(
    "ecr",
    ("DescribeRepositories", "ListTagsForResource", "DescribeRegistry"),
    collect,
    types=("aws:ecr/replicationConfiguration:ReplicationConfiguration", "aws:ecr/repository:Repository"),
)
