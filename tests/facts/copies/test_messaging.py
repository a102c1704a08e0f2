"""Log subscription filters, log destinations, Firehose delivery streams."""

from residency.facts.values import UNKNOWN
from residency.model.data_classes import DataClass
from tests.facts.copies.tables import (
    ACCOUNT,
    IAD_REGION,
    JKT_REGION,
    SIN_REGION,
    Baseline,
    Edge,
    Mutation,
    all_edges,
    precise_edges,
)
from tests.rules.fixtures import SIN, bucket, log_group, res, tags

API = DataClass.API_LOG
JKT, SG, IAD = JKT_REGION, SIN_REGION, IAD_REGION

FILTER = "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter"
DESTINATION = "aws:cloudwatch/logDestination:LogDestination"
FIREHOSE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"


def stream_arn(region: str) -> str:
    return f"arn:aws:kinesis:{region}:{ACCOUNT}:stream/s"


DST = bucket("dst", data_class="api-log", provider=SIN)[0]
DST_ARN = "arn:aws:s3:::dst-bkt"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/r"
S3_MECHANISM = "Firehose delivery (extendedS3Configuration)"
NO_REGION = "Firehose extendedS3Configuration target"

BASELINES: dict[str, Baseline] = {
    FILTER: Baseline(
        (
            log_group("lg"),
            res(FILTER, "sf", {"name": "sf", "logGroup": "lg", "filterPattern": "", "destinationArn": stream_arn(SG)}),
        ),
        1,
        "log subscription filter",
        (Edge(JKT, SG, API, target=stream_arn(SG)),),
    ),
    # The class is the destination's own tag: it is fed by subscription filters of other accounts or regions.
    DESTINATION: Baseline(
        (
            res(
                DESTINATION,
                "d",
                {"name": "d", "targetArn": stream_arn(SG), "roleArn": ROLE_ARN, "tags": tags("api-log")},
            ),
        ),
        0,
        "log destination",
        (Edge(JKT, SG, API, target=stream_arn(SG)),),
    ),
    FIREHOSE: Baseline(
        (
            DST,
            res(
                FIREHOSE,
                "fh",
                {
                    "name": "fh",
                    "destination": "extended_s3",
                    "tags": tags("api-log"),
                    "extendedS3Configuration": {"bucketArn": DST_ARN, "roleArn": ROLE_ARN},
                },
            ),
        ),
        1,
        S3_MECHANISM,
        (Edge(JKT, SG, API, target=DST_ARN),),
    ),
}

MUTATIONS: list[Mutation] = [
    # --- subscription filter: the destination region is the destination ARN's ---
    (FILTER, 1, ("destinationArn",), stream_arn(IAD), (Edge(JKT, IAD, API),)),
    (FILTER, 1, ("destinationArn",), stream_arn(JKT), (Edge(JKT, JKT, API),)),
    (
        FILTER,
        1,
        ("destinationArn",),
        UNKNOWN,
        (Edge(JKT, None, API, "cannot be determined", target="unknown during preview"),),
    ),
    (FILTER, 1, ("destinationArn",), "s", (Edge(JKT, None, API, "the destination region of s cannot be determined"),)),
    (FILTER, 1, ("logGroup",), "other", (Edge(JKT, SG, None, "source log group other: it is not in this stack"),)),
    (
        FILTER,
        0,
        ("tags",),
        tags("customer-pii"),
        (Edge(JKT, SG, DataClass.CUSTOMER_PII),),
    ),  # the source's class travels
    # --- log destination ---
    (DESTINATION, 0, ("targetArn",), stream_arn(IAD), (Edge(JKT, IAD, API),)),
    (DESTINATION, 0, ("targetArn",), stream_arn(JKT), (Edge(JKT, JKT, API),)),
    (
        DESTINATION,
        0,
        ("targetArn",),
        UNKNOWN,
        (Edge(JKT, None, API, "cannot be determined", target="unknown during preview"),),
    ),
    (DESTINATION, 0, ("region",), SG, (Edge(SG, SG, API),)),
    # --- Firehose: one edge per delivery block; an S3 bucket of the stack gives its region ---
    (FIREHOSE, 0, ("region",), IAD, (Edge(JKT, IAD, API),)),
    (FIREHOSE, 0, ("region",), JKT, (Edge(JKT, JKT, API),)),
    (
        FIREHOSE,
        1,
        ("extendedS3Configuration", "bucketArn"),
        UNKNOWN,
        (Edge(JKT, None, API, NO_REGION, target="unknown during preview"),),
    ),
    (
        FIREHOSE,
        1,
        ("extendedS3Configuration", "bucketArn"),
        "arn:aws:s3:::elsewhere",
        (Edge(JKT, None, API, f"{NO_REGION} arn:aws:s3:::elsewhere names no region"),),
    ),
    (FIREHOSE, 1, ("extendedS3Configuration",), None, ()),
    (
        FIREHOSE,
        1,
        ("opensearchConfiguration",),
        {"domainArn": f"arn:aws:es:{IAD}:{ACCOUNT}:domain/d"},
        (Edge(JKT, SG, API), Edge(JKT, IAD, API, mechanism="Firehose delivery (opensearchConfiguration)")),
    ),
    (
        FIREHOSE,
        1,
        ("httpEndpointConfiguration",),
        {"url": "https://example.com/ingest"},
        (
            Edge(JKT, SG, API),
            Edge(
                JKT,
                None,
                API,
                "httpEndpointConfiguration target https://example.com/ingest names no region",
                mechanism="Firehose delivery (httpEndpointConfiguration)",
            ),
        ),
    ),
]


def test_unknown_firehose_bucket_resolved_through_the_dependency() -> None:
    stream = res(
        FIREHOSE,
        "fh",
        {"tags": tags("api-log"), "extendedS3Configuration": {"bucketArn": UNKNOWN}},
        deps={"extendedS3Configuration": (DST.urn,)},
    )
    (edge,) = precise_edges([DST, stream], 1)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (JKT, SG, API, None)


def test_an_unknown_firehose_delivery_block_is_caught_by_the_reference_scan() -> None:
    """The extractor skips a delivery block that is unknown as a whole; the generic reference edge fails closed."""
    stream = res(FIREHOSE, "fh", {"tags": tags("api-log"), "extendedS3Configuration": UNKNOWN})
    assert precise_edges([stream], 0) == []
    (edge,) = all_edges([stream], 0)
    assert (edge.mechanism, edge.source_region, edge.destination_region) == (
        "reference in extendedS3Configuration",
        JKT,
        None,
    )
    assert edge.problem == "extendedS3Configuration is unknown during preview"
