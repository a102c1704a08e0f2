"""RDS replicas, global clusters, backup replication, snapshot copies; DynamoDB; ElastiCache global datastores."""

from residency.facts.copies.edge import edge, entries, region_or_none, unknown_config
from residency.facts.graph import Graph
from residency.facts.resource import CopyEdge, ResourceFacts
from residency.facts.values import arn_region, is_unknown, reveal

RDS_INSTANCE = ("aws:rds/instance:Instance",)
RDS_CLUSTER = ("aws:rds/cluster:Cluster",)
DDB_TABLE = ("aws:dynamodb/table:Table",)
CACHE_GROUP = ("aws:elasticache/replicationGroup:ReplicationGroup",)
GLOBAL_CACHE = ("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",)


def _from_source(
    f: ResourceFacts, graph: Graph, mechanism: str, ref: object, types: tuple[str, ...], prop: str
) -> CopyEdge:
    """A copy *into* this resource's region from `ref` (an ARN or a name in this stack)."""
    source = graph.by_arn(types, ref) or graph.named(types, ref)
    if source is None:
        deps = graph.dependencies(f, prop, types)
        source = deps[0] if deps else None
    shown = "unknown during preview" if is_unknown(ref) else ref
    return edge(
        f,
        mechanism,
        source=source,
        source_region=arn_region(ref),
        destination_region=f.region,
        target=ref,
        source_problem=f"its source ({shown}) is neither a region-bearing ARN nor a resource in this stack",
        source_outside=source is None,
    )


def rds_instance(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("replicateSourceDb"))
    if ref is None:
        return []
    if (
        is_unknown(ref)
        or arn_region(ref)
        or graph.named(RDS_INSTANCE, ref)
        or graph.dependencies(f, "replicateSourceDb", RDS_INSTANCE)
    ):
        return [_from_source(f, graph, "RDS read replica", ref, RDS_INSTANCE, "replicateSourceDb")]
    # A bare identifier names an instance in the replica's own region (AWS requires an ARN cross-region).
    return []


def _open(f: ResourceFacts, mechanism: str, source: ResourceFacts | None, target: object) -> CopyEdge:
    return edge(
        f,
        mechanism,
        source=source,
        source_region=(source.region if source else f.region),
        target=target,
        open_destination=True,
    )


def rds_cluster(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    edges = []
    ref = reveal(f.props.get("replicationSourceIdentifier"))
    if ref is not None:
        edges.append(
            _from_source(f, graph, "Aurora cross-region replica", ref, RDS_CLUSTER, "replicationSourceIdentifier")
        )
    global_id = reveal(f.props.get("globalClusterIdentifier"))
    if global_id is not None:
        edges.append(_open(f, "Aurora global cluster member", f, global_id))
    return edges


def global_cluster(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("sourceDbClusterIdentifier"))
    source = graph.by_arn(RDS_CLUSTER, ref) if ref and not is_unknown(ref) else None
    if source is None:  # unknown during preview, or named differently: the dependency says which cluster it is
        deps = graph.dependencies(f, "sourceDbClusterIdentifier", RDS_CLUSTER)
        source = deps[0] if len(deps) == 1 else None
    return [_open(f, "Aurora global cluster", source or f, ref or f.resource.name)]


def automated_backups_replication(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("sourceDbInstanceArn"))
    return [_from_source(f, graph, "RDS automated backup replication", ref, RDS_INSTANCE, "sourceDbInstanceArn")]


def snapshot_copy(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("sourceDbSnapshotIdentifier"))
    dest = reveal(f.props.get("destinationRegion")) or f.region
    # The snapshot's ARN names its region; an identifier that is no ARN (or unknown) leaves it undetermined.
    src_region = arn_region(ref) or (f.region if isinstance(ref, str) and ref and not is_unknown(ref) else None)
    return [
        edge(
            f,
            "RDS snapshot copy",
            source_region=src_region,
            destination_region=dest if isinstance(dest, str) and not is_unknown(dest) else None,
            target=ref,
        )
    ]


def dynamodb_table(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    replicas = reveal(f.props.get("replicas"))
    if is_unknown(replicas):
        return [
            edge(f, "DynamoDB global table replica", source_region=f.region, target="replicas unknown during preview")
        ]
    good, unreadable = entries(replicas)
    edges = [unknown_config(f, "DynamoDB global table replica", "a replica", f)] if unreadable else []
    return edges + [
        edge(
            f,
            "DynamoDB global table replica",
            source=f,
            destination_region=region_or_none(r.get("regionName")),
            target=r.get("regionName"),
        )
        for r in good
    ]


def dynamodb_table_replica(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    return [
        _from_source(
            f, graph, "DynamoDB table replica", reveal(f.props.get("globalTableArn")), DDB_TABLE, "globalTableArn"
        )
    ]


def dynamodb_global_table(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    name = reveal(f.props.get("name"))
    source = graph.named(DDB_TABLE, name)
    replicas, unreadable = entries(reveal(f.props.get("replicas")))
    regions = [region_or_none(r.get("regionName")) for r in replicas]
    missing = None if source else f"table {name}"
    if unreadable or None in regions:
        return [unknown_config(f, "DynamoDB global table (legacy)", "a replica region", source)]
    return [
        edge(
            f,
            "DynamoDB global table (legacy)",
            source=source,
            source_region=a,
            destination_region=b,
            target=name,
            missing_source=missing,
        )
        for a in regions
        for b in regions
        if a != b
    ]


def global_replication_group(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("primaryReplicationGroupId"))
    source = graph.named(CACHE_GROUP, ref)
    if source is None:
        deps = graph.dependencies(f, "primaryReplicationGroupId", CACHE_GROUP)
        source = deps[0] if deps else None
    if source is None:
        return [
            edge(
                f,
                "ElastiCache global datastore",
                source_region=f.region,
                missing_source=f"replication group {ref}",
                target=ref,
                open_destination=True,
            )
        ]
    return [_open(f, "ElastiCache global datastore", source, ref)]


def cache_member(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    ref = reveal(f.props.get("globalReplicationGroupId"))
    if ref is None:
        return []
    glob = graph.named(GLOBAL_CACHE, ref)
    if glob is None:
        deps = graph.dependencies(f, "globalReplicationGroupId", GLOBAL_CACHE)
        glob = deps[0] if deps else None
    primary = graph.named(CACHE_GROUP, glob.props.get("primaryReplicationGroupId")) if glob else None
    if primary is not None and primary is not f:
        return [edge(f, "ElastiCache global datastore member", source=primary, destination_region=f.region, target=ref)]
    return [
        edge(
            f,
            "ElastiCache global datastore member",
            destination_region=f.region,
            target=ref,
            source_region=None if primary is None else f.region,
        )
    ]


EXTRACTORS = {
    "aws:rds/instance:Instance": rds_instance,
    "aws:rds/cluster:Cluster": rds_cluster,
    "aws:rds/globalCluster:GlobalCluster": global_cluster,
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": automated_backups_replication,
    "aws:rds/snapshotCopy:SnapshotCopy": snapshot_copy,
    "aws:dynamodb/table:Table": dynamodb_table,
    "aws:dynamodb/tableReplica:TableReplica": dynamodb_table_replica,
    "aws:dynamodb/globalTable:GlobalTable": dynamodb_global_table,
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": global_replication_group,
    "aws:elasticache/replicationGroup:ReplicationGroup": cache_member,
}
