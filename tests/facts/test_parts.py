"""A part of a store (an object, an item) lives where its store lives, not where its own provider points."""

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceFacts, ResourceInput
from tests.rules.fixtures import SIN, STACK_CONFIG, bucket, res, tags

OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2"


def _facts(*resources: ResourceInput) -> dict[str, ResourceFacts]:
    built = build_facts(list(resources), STACK_CONFIG, {})
    return {f.resource.name: f for f in built}


def test_an_object_lives_in_its_buckets_region_whatever_its_provider() -> None:
    far = bucket("far", provider=SIN)
    obj = res(OBJECT, "o", {"bucket": "far-bkt", "key": "k", "tags": tags()}, deps={"bucket": (far[0].urn,)})
    found = _facts(*far, obj)["o"]
    assert found.region == "ap-southeast-1" and found.region_source.startswith("its bucket far (provider sin")


def test_an_object_in_a_bucket_outside_the_stack_has_no_region() -> None:
    obj = res(OBJECT, "o", {"bucket": "partner-kyc-frankfurt", "key": "k", "tags": tags()})
    found = _facts(obj)["o"]
    assert found.region is None and "partner-kyc-frankfurt" in found.region_source


def test_an_item_lives_in_its_tables_region() -> None:
    table = res("aws:dynamodb/table:Table", "t", {"name": "kyc", "hashKey": "id", "tags": tags()}, provider=SIN)
    item = res(
        "aws:dynamodb/tableItem:TableItem", "i", {"tableName": "kyc", "item": "{}"}, deps={"tableName": (table.urn,)}
    )
    assert _facts(table, item)["i"].region == "ap-southeast-1"


def test_an_object_in_a_jakarta_bucket_stays_in_jakarta() -> None:
    home = bucket("home")
    obj = res(OBJECT, "o", {"bucket": "home-bkt", "key": "k", "tags": tags()}, deps={"bucket": (home[0].urn,)})
    assert _facts(*home, obj)["o"].region == "ap-southeast-3"
