from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def test_watchlist_flows_from_us_iad_1_into_jakarta(jakarta: list[ResourceFacts]) -> None:
    source = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-watchlist-source")
    served = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-watchlist-served")
    assert (source.region, served.region) == ("us-east-1", "ap-southeast-3")
    repl = one_for(jakarta, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "platform-watchlist-inbound")
    [edge] = repl.copies
    assert (edge.source_region, edge.destination_region) == ("us-east-1", "ap-southeast-3")
    assert edge.data_class is not None and edge.data_class.value == "watchlist" and edge.problem is None
