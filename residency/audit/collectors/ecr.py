"""ECR: repositories and the registry's replication configuration."""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tags_of
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("ecr", region)
    out = []
    for page in c.get_paginator("describe_repositories").paginate():
        for r in page["repositories"]:
            arn = r["repositoryArn"]
            tags = tags_of(clients, arn, lambda arn: c.list_tags_for_resource(resourceArn=arn).get("tags"))
            out.append(
                resource(
                    arn,
                    "aws:ecr/repository:Repository",
                    r["repositoryName"],
                    region,
                    {"name": r["repositoryName"], "tags": tags},
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
