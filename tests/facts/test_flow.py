"""The class travels with the data: through movers and relays, never taken from a copy's own label."""

from residency.facts.builder import build_facts
from residency.facts.flow import effective
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.model.data_classes import DataClass
from tests.rules.fixtures import SIN, STACK_CONFIG, bucket, res, tags

PII, ART, MOST = DataClass.CUSTOMER_PII, DataClass.SOFTWARE_ARTIFACT, DataClass.AUDIT_LOG


def facts(*resources: ResourceInput) -> dict[str, ResourceFacts]:
    return {f.resource.name: f for f in build_facts(list(resources), STACK_CONFIG, {})}


def repl(name: str, source: str, dest_arn: str, deps: dict[str, tuple[str, ...]]) -> ResourceInput:
    return res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        name,
        {"bucket": source, "rules": [{"destination": {"bucket": dest_arn}}]},
        deps=deps,
    )


def test_an_untagged_processor_takes_the_class_of_what_it_reads() -> None:
    src = bucket("src")
    fn = res("aws:lambda/function:Function", "fn", {"environment": {"variables": {"B": "src-bkt"}}})
    assert set(effective(facts(*src, fn)["fn"])) == {PII}


def test_an_untagged_processor_that_reads_nothing_identifiable_is_most_restricted() -> None:
    fn = res("aws:lambda/function:Function", "fn", {"handler": "x"})
    classes = effective(facts(fn)["fn"])
    assert set(classes) == {MOST} and "judged as the most restricted class" in classes[MOST]


def test_an_untagged_store_is_most_restricted_whatever_it_receives() -> None:
    src = bucket("src")
    dst = res("aws:s3/bucket:Bucket", "dst", {"bucket": "dst-bkt"})
    r = repl("r", "src-bkt", "arn:aws:s3:::dst-bkt", {"bucket": (src[0].urn,), "rules": (dst.urn,)})
    assert set(effective(facts(*src, dst, r)["dst"])) == {MOST, PII}


def test_the_class_travels_through_a_relay_over_two_hops() -> None:
    src = bucket("src")
    relay = bucket("relay", data_class="software-artifact")
    far = bucket("far", data_class="software-artifact", provider=SIN)
    hop1 = repl("hop1", "src-bkt", "arn:aws:s3:::relay-bkt", {"bucket": (src[0].urn,), "rules": (relay[0].urn,)})
    hop2 = repl("hop2", "relay-bkt", "arn:aws:s3:::far-bkt", {"bucket": (relay[0].urn,), "rules": (far[0].urn,)})
    got = facts(*src, *relay, *far, hop2, hop1)
    assert PII in got["relay"].received and PII in got["far"].received
    far_edges = [e for e in got["hop2"].copies if e.data_class is PII]
    assert far_edges and far_edges[0].destination_region == "ap-southeast-1"


def test_a_movers_own_label_does_not_replace_the_class_it_copies() -> None:
    src = bucket("src")
    fh = res(
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        "fh",
        {
            "tags": tags("software-artifact"),
            "kinesisSourceConfiguration": {"kinesisStreamArn": "x"},
            "extendedS3Configuration": {"bucketArn": "arn:aws:s3:::elsewhere"},
        },
        deps={"kinesisSourceConfiguration": (src[0].urn,)},
    )
    assert PII in effective(facts(*src, fh)["fh"])


def test_data_from_outside_the_stack_is_most_restricted_unless_its_class_is_known() -> None:
    arn = "arn:aws:rds:ap-southeast-3:123456789012:db:primary"
    replica = res("aws:rds/instance:Instance", "replica", {"replicateSourceDb": arn, "tags": tags()}, SIN)
    unknown = build_facts([replica], STACK_CONFIG, {})[0]
    known = build_facts([replica], STACK_CONFIG, {}, {arn: PII})[0]
    assert set(unknown.received) == {MOST} and set(known.received) == {PII}


def test_a_cross_region_reference_is_an_edge_of_the_referrers_classes() -> None:
    fn = res(
        "aws:lambda/function:Function",
        "fn",
        {"tags": tags(), "deadLetterConfig": {"targetArn": "arn:aws:sqs:us-east-1:123456789012:dlq"}},
    )
    edges = facts(fn)["fn"].copies
    assert {(e.source_region, e.destination_region, e.data_class) for e in edges} == {
        ("ap-southeast-3", "us-east-1", PII),
        ("ap-southeast-3", "us-east-1", MOST),
    }  # it may read the queue too
    assert {e.mechanism for e in edges} == {"reference in deadLetterConfig.targetArn"}


def test_same_region_references_are_not_edges() -> None:
    src = bucket("src")
    fn = res("aws:lambda/function:Function", "fn", {"environment": {"variables": {"B": "src-bkt"}}})
    assert facts(*src, fn)["fn"].copies == []


def test_software_artifacts_do_not_become_pii_by_sitting_next_to_it() -> None:
    art = bucket("art", data_class="software-artifact")
    fn = res("aws:lambda/function:Function", "fn", {"tags": tags(), "environment": {"variables": {"A": "art-bkt"}}})
    got = facts(*art, fn)
    assert got["art"].received == {} and set(effective(got["fn"])) == {PII, ART}


def test_an_image_pulled_from_another_region_brings_code_in_and_sends_nothing_out() -> None:
    fn = res(
        "aws:lambda/function:Function",
        "fn",
        {"tags": tags(), "imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"},
    )
    got = facts(fn)["fn"]
    assert got.received == {
        ART: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 (a container image), via fn.imageUri"
    }
    assert [(e.source_region, e.destination_region, e.data_class) for e in got.copies] == [
        ("us-east-1", "ap-southeast-3", ART)
    ]


def test_software_pulled_in_alone_leaves_an_untagged_processor_most_restricted() -> None:
    # the image is the code it runs; what data it handles is still unknown
    fn = res("aws:lambda/function:Function", "fn", {"imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"})
    assert set(effective(facts(fn)["fn"])) == {MOST, ART}
    # once it reads identified data, that data is its class
    src = bucket("src")
    reads = res(
        "aws:lambda/function:Function",
        "fn",
        {
            "imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
            "environment": {"variables": {"B": "src-bkt"}},
        },
    )
    assert set(effective(facts(*src, reads)["fn"])) == {PII, ART}


def test_a_helm_chart_repository_is_a_software_source_not_an_outside_endpoint() -> None:
    release = res(
        "kubernetes:helm.sh/v3:Release",
        "wp",
        {"chart": "wordpress", "repositoryOpts": {"repo": "https://charts.bitnami.com/bitnami"}},
        provider=None,
    )
    chart = res(
        "kubernetes:helm.sh/v4:Chart",
        "pg",
        {"chart": "oci://123456789012.dkr.ecr.us-east-1.amazonaws.com/charts/postgresql"},
        provider=None,
    )
    got = facts(release, chart)
    (repo,) = got["wp"].references
    assert (repo.direction.value, repo.region, repo.artifact) == ("source", None, True)
    (oci,) = got["pg"].references
    assert (oci.region, oci.artifact) == ("us-east-1", True)
    classes = effective(got["wp"])
    assert set(classes) == {MOST, ART} and "(a Helm chart)" in classes[ART]


def test_an_untaggable_ecr_registry_setting_moves_software_artifacts_not_the_most_restricted_class() -> None:
    from tests.rules.fixtures import IAD

    rep = res(
        "aws:ecr/replicationConfiguration:ReplicationConfiguration",
        "to-jkt",
        {"replicationConfiguration": {"rules": [{"destinations": [{"region": "ap-southeast-3"}]}]}},
        IAD,
    )
    cache = res("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "hub", {"upstreamRegistryUrl": "quay.io"})
    got = facts(rep, cache)
    assert set(effective(got["to-jkt"])) == {ART} and set(effective(got["hub"])) == {ART}
    assert all(e.data_class is ART for e in got["to-jkt"].copies)
