"""Log subscription filters and destinations, Firehose delivery streams."""

from residency.facts.copies.edge import edge
from residency.facts.graph import Graph
from residency.facts.resource import BUCKET_TYPES, CopyEdge, ResourceFacts
from residency.facts.values import arn_region, get_path, reveal, s3_bucket_from_arn

LOG_GROUP = ("aws:cloudwatch/logGroup:LogGroup",)


def subscription_filter(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    name = reveal(f.props.get("logGroup"))
    source = graph.named(LOG_GROUP, name)
    if source is None:
        deps = graph.dependencies(f, "logGroup", LOG_GROUP)
        source = deps[0] if deps else None
    target = reveal(f.props.get("destinationArn"))
    return [
        edge(
            f,
            "log subscription filter",
            source=source,
            source_region=f.region,
            destination_region=arn_region(target),
            target=target,
            missing_source=None if source else f"log group {name}",
        )
    ]


def log_destination(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    target = reveal(f.props.get("targetArn"))
    return [edge(f, "log destination", source_region=f.region, destination_region=arn_region(target), target=target)]


_FIREHOSE_TARGETS = (
    ("extendedS3Configuration", "bucketArn"),
    ("opensearchConfiguration", "domainArn"),
    ("elasticsearchConfiguration", "domainArn"),
    ("redshiftConfiguration", "clusterJdbcurl"),
    ("httpEndpointConfiguration", "url"),
    ("splunkConfiguration", "hecEndpoint"),
    ("snowflakeConfiguration", "accountUrl"),
    ("icebergConfiguration", "catalogArn"),
)


def firehose(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    edges = []
    props = reveal(f.props)
    for block, key in _FIREHOSE_TARGETS:
        target = get_path(props, block, key)
        if target is None:
            continue
        region = arn_region(target)
        bucket = graph.named(BUCKET_TYPES, s3_bucket_from_arn(target))
        if bucket is None and block == "extendedS3Configuration":
            deps = graph.dependencies(f, block, BUCKET_TYPES)
            bucket = deps[0] if len(deps) == 1 else None
        if bucket is not None:
            region = bucket.region
        problem = None if region else f"Firehose {block} target {target} names no region this tool can resolve"
        edges.append(
            edge(
                f,
                f"Firehose delivery ({block})",
                source_region=f.region,
                destination_region=region,
                target=target,
                destination_problem=problem,
            )
        )
    return edges


EXTRACTORS = {
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": subscription_filter,
    "aws:cloudwatch/logDestination:LogDestination": log_destination,
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": firehose,
}
