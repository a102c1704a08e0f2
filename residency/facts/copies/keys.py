"""KMS multi-region keys and replica keys, Secrets Manager replicas."""

from residency.facts.copies.edge import edge, entries, region_or_none, unknown_config
from residency.facts.graph import Graph
from residency.facts.resource import CopyEdge, ResourceFacts
from residency.facts.values import arn_region, is_unknown, reveal


def kms_key(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    multi = reveal(f.props.get("multiRegion"))
    if multi is True or is_unknown(multi):
        return [edge(f, "KMS multi-region key", source=f, target=f.resource.name, open_destination=True)]
    return []


def kms_replica_key(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("primaryKeyArn"))
    deps = graph.dependencies(f, "primaryKeyArn", ("aws:kms/key:Key",))
    source = deps[0] if deps else None
    return [
        edge(
            f,
            "KMS replica key",
            source=source,
            source_region=arn_region(ref) or (source.region if source else None),
            destination_region=f.region,
            target=ref,
            source_outside=source is None,
        )
    ]


def secret_replicas(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    replicas, unreadable = entries(reveal(f.props.get("replicas")))
    edges = [unknown_config(f, "Secrets Manager replica", "a replica", f)] if unreadable else []
    return edges + [
        edge(
            f,
            "Secrets Manager replica",
            source=f,
            destination_region=region_or_none(r.get("region")),
            target=r.get("region"),
        )
        for r in replicas
    ]


EXTRACTORS = {
    "aws:kms/key:Key": kms_key,
    "aws:kms/replicaKey:ReplicaKey": kms_replica_key,
    "aws:secretsmanager/secret:Secret": secret_replicas,
}
