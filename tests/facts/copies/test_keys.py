"""KMS multi-region keys and replica keys, Secrets Manager replicas."""

from residency.facts.values import UNKNOWN
from residency.model.data_classes import MOST_RESTRICTED, DataClass
from tests.facts.copies.tables import (
    ACCOUNT,
    IAD_REGION,
    JKT_REGION,
    SIN_REGION,
    Baseline,
    Edge,
    Mutation,
    precise_edges,
    suspected,
)
from tests.rules.fixtures import SIN, res, tags

PII = DataClass.CUSTOMER_PII
JKT, SG, IAD = JKT_REGION, SIN_REGION, IAD_REGION

KEY = "aws:kms/key:Key"
REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey"
SECRET = "aws:secretsmanager/secret:Secret"


def key_arn(region: str) -> str:
    return f"arn:aws:kms:{region}:{ACCOUNT}:key/mrk-1"


PRIMARY_KEY = res(KEY, "k", {"multiRegion": True, "tags": tags()})

BASELINES: dict[str, Baseline] = {
    # A multi-region key may be replicated anywhere: the destination is open, judged against the allowed regions.
    KEY: Baseline(
        (PRIMARY_KEY,), 0, "KMS multi-region key", (Edge(JKT, None, PII, open_destination=True, target="k"),)
    ),
    REPLICA_KEY: Baseline(
        (
            PRIMARY_KEY,
            res(
                REPLICA_KEY,
                "rk",
                {"primaryKeyArn": key_arn(JKT), "tags": tags()},
                SIN,
                deps={"primaryKeyArn": (PRIMARY_KEY.urn,)},
            ),
        ),
        1,
        "KMS replica key",
        (Edge(JKT, SG, PII, target=key_arn(JKT)),),
    ),
    SECRET: Baseline(
        (res(SECRET, "s", {"name": "s", "tags": tags(), "replicas": [{"region": SG}]}),),
        0,
        "Secrets Manager replica",
        (Edge(JKT, SG, PII, target=SG),),
    ),
}

MUTATIONS: list[Mutation] = [
    # --- multi-region key ---
    (KEY, 0, ("multiRegion",), False, ()),
    (KEY, 0, ("multiRegion",), None, ()),
    (KEY, 0, ("multiRegion",), UNKNOWN, (Edge(JKT, None, PII, open_destination=True),)),  # may be multi-region
    (KEY, 0, ("region",), SG, (Edge(SG, None, PII, open_destination=True),)),
    (
        KEY,
        0,
        ("region",),
        UNKNOWN,
        (Edge(None, None, PII, "the source region cannot be determined", open_destination=True),),
    ),
    # --- replica key: the destination is the replica's own region ---
    (REPLICA_KEY, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (REPLICA_KEY, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (
        REPLICA_KEY,
        1,
        ("region",),
        UNKNOWN,
        (Edge(JKT, None, PII, f"the destination region of {key_arn(JKT)} cannot be determined"),),
    ),
    (
        REPLICA_KEY,
        1,
        ("primaryKeyArn",),
        UNKNOWN,
        (Edge(JKT, SG, PII, target="unknown during preview"),),
    ),  # via dependency
    (REPLICA_KEY, 1, ("primaryKeyArn",), key_arn(IAD), (Edge(IAD, SG, PII),)),  # the ARN's region wins
    # --- secret replicas ---
    (SECRET, 0, ("replicas", 0, "region"), IAD, (Edge(JKT, IAD, PII),)),
    (SECRET, 0, ("replicas", 0, "region"), JKT, (Edge(JKT, JKT, PII),)),
    (
        SECRET,
        0,
        ("replicas", 0, "region"),
        None,
        (Edge(JKT, None, PII, "the destination region of the copy cannot be determined"),),
    ),
    (
        SECRET,
        0,
        ("replicas",),
        UNKNOWN,
        (Edge(JKT, None, PII, "a replica is unknown during preview", target="a replica unknown during preview"),),
    ),
    (SECRET, 0, ("replicas",), [], ()),
    (SECRET, 0, ("replicas",), [{"region": SG}, {"region": IAD}], (Edge(JKT, SG, PII), Edge(JKT, IAD, PII))),
]

SUSPECTED = [
    suspected(
        "secret-replica-region-unknown",
        SECRET,
        0,
        ("replicas", 0, "region"),
        UNKNOWN,
        "keys.secret_replicas takes the unknown sentinel itself as the destination region, with no problem",
    ),
]


def test_replica_of_an_unknown_key_outside_the_stack_has_no_source_region() -> None:
    replica = res(REPLICA_KEY, "rk", {"primaryKeyArn": UNKNOWN, "tags": tags()}, SIN)
    (edge,) = precise_edges([replica], 0)
    assert (edge.source_region, edge.destination_region, edge.data_class) == (None, SG, MOST_RESTRICTED)
    assert edge.source_outside and edge.problem == "the source region cannot be determined"


def test_replica_of_a_key_outside_the_stack_takes_the_arns_region() -> None:
    replica = res(REPLICA_KEY, "rk", {"primaryKeyArn": key_arn(JKT), "tags": tags()}, SIN)
    (edge,) = precise_edges([replica], 0)
    assert (edge.source_region, edge.destination_region, edge.problem) == (JKT, SG, None)
    assert edge.source_outside
