"""S3 replication (resource and inline), S3 multi-region access points, EFS replication, Backup copies, ECR."""

from typing import Any

from residency.facts.copies.edge import edge, entries, region_or_none, unknown_config
from residency.facts.graph import Graph
from residency.facts.resource import BUCKET_TYPES, CopyEdge, ResourceFacts
from residency.facts.values import arn_region, as_list, get_path, is_unknown, reveal, s3_bucket_from_arn


def _s3_destination(
    f: ResourceFacts, graph: Graph, destination: dict[str, Any], source: ResourceFacts | None
) -> tuple[str | None, str]:
    """Region of an S3 replication destination: graph match by name, then replica KMS key ARN, then dependency."""
    arn = destination.get("bucket")
    match = graph.named(BUCKET_TYPES, s3_bucket_from_arn(arn))
    if match is not None and match.region:
        return match.region, f"destination bucket {match.resource.name}"
    kms = get_path(destination, "encryptionConfiguration", "replicaKmsKeyId") or destination.get("replicaKmsKeyId")
    if arn_region(kms):
        return arn_region(kms), "replica KMS key ARN"
    deps = [d for d in graph.dependencies(f, "rules", BUCKET_TYPES) if d is not source]
    if len(deps) == 1 and deps[0].region:
        return deps[0].region, f"destination bucket {deps[0].resource.name} (dependency)"
    found = match or (deps[0] if len(deps) == 1 else None)
    if found is not None:
        return (
            None,
            f"the region of destination bucket {found.resource.name} cannot be determined: {found.region_source}",
        )
    return None, "S3 ARNs carry no region; no bucket in the stack matches it and no replicaKmsKeyId names a region"


def _replication_rules(
    f: ResourceFacts, graph: Graph, rules: list[Any], source: ResourceFacts | None, missing: str | None = None
) -> list[CopyEdge]:
    edges = []
    for rule in rules:
        if not isinstance(rule, dict):
            edges.append(unknown_config(f, "S3 replication", "a replication rule", source))
            continue
        dests, unreadable = entries(as_list(rule.get("destination")) + as_list(rule.get("destinations")))
        if unreadable:
            edges.append(unknown_config(f, "S3 replication", "a replication destination", source))
        for dest in dests:
            region, origin = _s3_destination(f, graph, dest, source)
            edges.append(
                edge(
                    f,
                    "S3 replication",
                    source=source,
                    source_region=(source.region if source else None) or f.region,
                    destination_region=region,
                    target=dest.get("bucket"),
                    destination_problem=None if region else origin,
                    missing_source=missing,
                )
            )
    return edges


def bucket_replication_config(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    bucket = reveal(f.props.get("bucket"))
    source = graph.named(BUCKET_TYPES, bucket)
    if source is None:
        deps = graph.dependencies(f, "bucket", BUCKET_TYPES)
        source = deps[0] if deps else None
    rules = reveal(f.props.get("rules"))
    if is_unknown(rules):
        return [edge(f, "S3 replication", source=source, source_region=f.region, target="rules unknown during preview")]
    missing = None if source is not None else f"bucket {bucket}"
    return _replication_rules(f, graph, as_list(rules), source, missing)


def inline_bucket_replication(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    edges = []
    for key in ("replicationConfiguration", "replicationConfigurations"):
        configs, unreadable = entries(reveal(f.props.get(key)))
        if unreadable:
            edges.append(unknown_config(f, "S3 replication", key, f))
        for config in configs:
            rules = config.get("rules")
            if is_unknown(rules):
                edges.append(unknown_config(f, "S3 replication", f"{key}.rules", f))
                continue
            edges += _replication_rules(f, graph, as_list(rules), f)
    return edges


def multi_region_access_point(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    regions = as_list(get_path(reveal(f.props), "details", "regions"))
    buckets = [graph.named(BUCKET_TYPES, r.get("bucket")) if isinstance(r, dict) else None for r in regions]
    known = [b for b in buckets if b is not None]
    if len(known) != len(buckets) or not known:
        return [
            edge(
                f,
                "S3 multi-region access point",
                target="member buckets",
                destination_problem="a member bucket of the access point is not in this stack",
            )
        ]
    return [
        edge(f, "S3 multi-region access point", source=a, destination_region=b.region, target=b.resource.name)
        for a in known
        for b in known
        if a is not b
    ]


def efs_replication(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    src_id = reveal(f.props.get("sourceFileSystemId"))
    deps = graph.dependencies(f, "sourceFileSystemId", ("aws:efs/fileSystem:FileSystem",))
    source = deps[0] if deps else None
    dests, unreadable = entries(reveal(f.props.get("destination")))
    edges = [unknown_config(f, "EFS replication", "the destination", source)] if unreadable else []
    for dest in dests:
        region = region_or_none(dest.get("region"))
        zone = dest.get("availabilityZoneName")
        if region is None and isinstance(zone, str) and not is_unknown(zone):
            region = region_or_none(zone[:-1])
        edges.append(
            edge(
                f,
                "EFS replication",
                source=source,
                source_region=f.region,
                destination_region=region,
                target=src_id,
            )
        )
    return edges


def backup_copy_actions(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    rules, unreadable = entries(reveal(f.props.get("rules")))
    edges = [unknown_config(f, "Backup copy action", "a backup rule")] if unreadable else []
    for rule in rules:
        actions, unreadable = entries(rule.get("copyActions"))
        if unreadable:
            edges.append(unknown_config(f, "Backup copy action", "a copy action"))
        for action in actions:
            arn = action.get("destinationVaultArn")
            edges.append(
                edge(f, "Backup copy action", source_region=f.region, destination_region=arn_region(arn), target=arn)
            )
    return edges


def ecr_replication(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    repos = [r for r in graph.by_urn.values() if r.type == "aws:ecr/repository:Repository" and r.region == f.region]
    config = reveal(f.props.get("replicationConfiguration"))

    def unknown(what: str) -> list[CopyEdge]:
        # The registry's own repositories go wherever the unknown part says (a tagged one keeps its class);
        # with none in the stack, the registry's images (software artefacts).
        return [unknown_config(f, "ECR replication", what, r) for r in repos] or [
            unknown_config(f, "ECR replication", what)
        ]

    if is_unknown(config) or (config is not None and not isinstance(config, dict)):
        return unknown("replicationConfiguration")
    rules, unreadable = entries((config or {}).get("rules"))
    edges = unknown("a replication rule") if unreadable else []
    for rule in rules:
        dests, unreadable = entries(rule.get("destinations"))
        if unreadable:
            edges += unknown("a replication destination")
        for dest in dests:
            region = region_or_none(dest.get("region"))
            if not repos:
                edges.append(
                    edge(
                        f,
                        "ECR replication",
                        source_region=f.region,
                        destination_region=region,
                        target="registry",
                        destination_problem=None,
                    )
                )
            edges += [
                edge(f, "ECR replication", source=r, destination_region=region, target=r.resource.name) for r in repos
            ]
    return edges


EXTRACTORS = {
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": bucket_replication_config,
    "aws:s3/bucket:Bucket": inline_bucket_replication,
    "aws:s3/bucketV2:BucketV2": inline_bucket_replication,
    "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": multi_region_access_point,
    "aws:efs/replicationConfiguration:ReplicationConfiguration": efs_replication,
    "aws:backup/plan:Plan": backup_copy_actions,
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": ecr_replication,
}
