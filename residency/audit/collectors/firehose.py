"""Kinesis Data Firehose: delivery streams and where they deliver."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, resource, tag_dict
from residency.facts.resource import ResourceInput

# describe_delivery_stream destination key -> (Pulumi block, Pulumi key, AWS key)
_TARGETS = (
    ("ExtendedS3DestinationDescription", "extendedS3Configuration", "bucketArn", "BucketARN"),
    ("S3DestinationDescription", "extendedS3Configuration", "bucketArn", "BucketARN"),
    ("AmazonopensearchserviceDestinationDescription", "opensearchConfiguration", "domainArn", "DomainARN"),
    ("ElasticsearchDestinationDescription", "elasticsearchConfiguration", "domainArn", "DomainARN"),
    ("RedshiftDestinationDescription", "redshiftConfiguration", "clusterJdbcurl", "ClusterJDBCURL"),
    ("HttpEndpointDestinationDescription", "httpEndpointConfiguration", "url", "EndpointConfiguration"),
    ("SplunkDestinationDescription", "splunkConfiguration", "hecEndpoint", "HECEndpoint"),
)


_TYPE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"


def _destinations(description: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for dest in description.get("Destinations", []):
        for aws_key, block, key, field in _TARGETS:
            if aws_key in dest and block not in props:
                value = dest[aws_key].get(field)
                props[block] = {key: value.get("Url") if isinstance(value, dict) else value}
    return props


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("firehose", region)
    out = []
    for name in _stream_names(c):
        # Always described, whatever its own tag: a stream delivers whatever flows into it (a log subscription
        # of personal data into a stream tagged as artefacts), so where it delivers is needed to follow that data.
        d = c.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]
        tags = clients.inventory.tags(str(d["DeliveryStreamARN"]))
        if tags is None:
            tags = tag_dict(c.list_tags_for_delivery_stream(DeliveryStreamName=name).get("Tags", []))
        props = {"name": name, "tags": tags, **_destinations(d)}
        out.append(resource(d["DeliveryStreamARN"], _TYPE, name, region, props))
    return out


def _stream_names(c: Any) -> list[str]:
    """ListDeliveryStreams has no paginator: page by the last name seen, and stop a server that never advances."""
    names: list[str] = []
    kwargs: dict[str, Any] = {"Limit": 10_000}
    started_from: set[str] = set()
    while True:
        page = c.list_delivery_streams(**kwargs)
        batch = [str(n) for n in page.get("DeliveryStreamNames", [])]
        names += batch
        if not page.get("HasMoreDeliveryStreams"):
            return names
        if not batch or batch[-1] in started_from:
            raise ValueError("ListDeliveryStreams said it has more streams but did not advance")
        started_from.add(batch[-1])
        kwargs["ExclusiveStartDeliveryStreamName"] = batch[-1]


COLLECTOR = Collector(
    "firehose",
    ("ListDeliveryStreams", "DescribeDeliveryStream", "ListTagsForDeliveryStream"),
    collect,
    types=(_TYPE,),
)
