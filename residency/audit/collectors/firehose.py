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
    for name in c.list_delivery_streams().get("DeliveryStreamNames", []):
        d = c.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]
        tags = c.list_tags_for_delivery_stream(DeliveryStreamName=name).get("Tags", [])
        out.append(
            resource(
                d["DeliveryStreamARN"],
                "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                name,
                region,
                {"name": name, "tags": tag_dict(tags), **_destinations(d)},
            )
        )
    return out


COLLECTOR = Collector(
    "firehose",
    ("ListDeliveryStreams", "DescribeDeliveryStream", "ListTagsForDeliveryStream"),
    collect,
    types=("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",),
)
