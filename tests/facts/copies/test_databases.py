"""RDS replicas, Aurora global clusters, backup replication, snapshot copies; DynamoDB; ElastiCache global datastores."""

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
    all_edges,
    precise_edges,
    suspected,
)
from tests.rules.fixtures import SIN, database, res, tags

PII = DataClass.CUSTOMER_PII
JKT, SG, IAD = JKT_REGION, SIN_REGION, IAD_REGION

RDS_INSTANCE = "aws:rds/instance:Instance"
RDS_CLUSTER = "aws:rds/cluster:Cluster"
GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster"
BACKUPS = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"
SNAPSHOT_COPY = "aws:rds/snapshotCopy:SnapshotCopy"
TABLE = "aws:dynamodb/table:Table"
TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica"
GLOBAL_TABLE = "aws:dynamodb/globalTable:GlobalTable"
GLOBAL_DATASTORE = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"
CACHE_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup"


def db_arn(region: str, name: str = "primary") -> str:
    return f"arn:aws:rds:{region}:{ACCOUNT}:db:{name}"


def cluster_arn(region: str, name: str = "src") -> str:
    return f"arn:aws:rds:{region}:{ACCOUNT}:cluster:{name}"


def table_arn(region: str, name: str = "t") -> str:
    return f"arn:aws:dynamodb:{region}:{ACCOUNT}:table/{name}"


SNAPSHOT_ARN = f"arn:aws:rds:{JKT}:{ACCOUNT}:snapshot:s"
NOT_IN_STACK = "is neither a region-bearing ARN nor a resource in this stack"

PRIMARY = database("primary")
CLUSTER = res(RDS_CLUSTER, "src", {"clusterIdentifier": "src", "tags": tags()})
TABLE_T = res(TABLE, "t", {"name": "t", "tags": tags()})
GROUP = res(CACHE_GROUP, "rg", {"replicationGroupId": "rg", "tags": tags()})
DATASTORE = res(GLOBAL_DATASTORE, "g", {"primaryReplicationGroupId": "rg", "globalReplicationGroupIdSuffix": "g"})

BASELINES: dict[str, Baseline] = {
    RDS_INSTANCE: Baseline(
        (PRIMARY, res(RDS_INSTANCE, "replica", {"replicateSourceDb": db_arn(JKT), "tags": tags()}, SIN)),
        1,
        "RDS read replica",
        (Edge(JKT, SG, PII, target=db_arn(JKT)),),
    ),
    RDS_CLUSTER: Baseline(
        (
            CLUSTER,
            res(
                RDS_CLUSTER,
                "replica",
                {"clusterIdentifier": "replica", "replicationSourceIdentifier": cluster_arn(JKT), "tags": tags()},
                SIN,
            ),
        ),
        1,
        "Aurora cross-region replica",
        (Edge(JKT, SG, PII, target=cluster_arn(JKT)),),
    ),
    GLOBAL_CLUSTER: Baseline(
        (
            CLUSTER,
            res(GLOBAL_CLUSTER, "g", {"globalClusterIdentifier": "g", "sourceDbClusterIdentifier": cluster_arn(JKT)}),
        ),
        1,
        "Aurora global cluster",
        (Edge(JKT, None, PII, open_destination=True),),
    ),
    BACKUPS: Baseline(
        (PRIMARY, res(BACKUPS, "abr", {"sourceDbInstanceArn": db_arn(JKT)}, SIN)),
        1,
        "RDS automated backup replication",
        (Edge(JKT, SG, PII),),
    ),
    # The source snapshot is outside the stack: what it holds is judged as the most restricted class.
    SNAPSHOT_COPY: Baseline(
        (
            res(
                SNAPSHOT_COPY,
                "sc",
                {"sourceDbSnapshotIdentifier": SNAPSHOT_ARN, "targetDbSnapshotIdentifier": "s-copy", "tags": tags()},
                SIN,
            ),
        ),
        0,
        "RDS snapshot copy",
        (Edge(JKT, SG, MOST_RESTRICTED, target=SNAPSHOT_ARN),),
    ),
    TABLE: Baseline(
        (res(TABLE, "t", {"name": "t", "tags": tags(), "replicas": [{"regionName": SG}]}),),
        0,
        "DynamoDB global table replica",
        (Edge(JKT, SG, PII, target=SG),),
    ),
    TABLE_REPLICA: Baseline(
        (TABLE_T, res(TABLE_REPLICA, "tr", {"globalTableArn": table_arn(JKT)}, SIN)),
        1,
        "DynamoDB table replica",
        (Edge(JKT, SG, PII),),
    ),
    GLOBAL_TABLE: Baseline(
        (TABLE_T, res(GLOBAL_TABLE, "gt", {"name": "t", "replicas": [{"regionName": JKT}, {"regionName": SG}]})),
        1,
        "DynamoDB global table (legacy)",
        (Edge(JKT, SG, PII), Edge(SG, JKT, PII)),
    ),
    GLOBAL_DATASTORE: Baseline(
        (GROUP, DATASTORE),
        1,
        "ElastiCache global datastore",
        (Edge(JKT, None, PII, open_destination=True, target="rg"),),
    ),
    CACHE_GROUP: Baseline(
        (
            GROUP,
            DATASTORE,
            res(
                CACHE_GROUP,
                "rg2",
                {"replicationGroupId": "rg2", "globalReplicationGroupId": "ldgnf-g", "tags": tags()},
                SIN,
                deps={"globalReplicationGroupId": (DATASTORE.urn,)},
            ),
        ),
        2,
        "ElastiCache global datastore member",
        (Edge(JKT, SG, PII, target="ldgnf-g"),),
    ),
}

MUTATIONS: list[Mutation] = [
    # --- RDS read replica: the destination is the replica's own region ---
    (RDS_INSTANCE, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (RDS_INSTANCE, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (
        RDS_INSTANCE,
        1,
        ("region",),
        UNKNOWN,
        (Edge(JKT, None, PII, f"the destination region of {db_arn(JKT)} cannot be determined"),),
    ),
    (RDS_INSTANCE, 1, ("replicateSourceDb",), None, ()),  # not a replica
    (
        RDS_INSTANCE,
        1,
        ("replicateSourceDb",),
        UNKNOWN,
        (Edge(None, SG, MOST_RESTRICTED, f"its source (unknown during preview) {NOT_IN_STACK}"),),
    ),
    (RDS_INSTANCE, 1, ("replicateSourceDb",), "primary", (Edge(JKT, SG, PII),)),  # a bare name of this stack
    # A bare identifier outside the stack names an instance of the replica's own region (AWS needs an ARN across).
    (RDS_INSTANCE, 1, ("replicateSourceDb",), "other", ()),
    (RDS_INSTANCE, 1, ("replicateSourceDb",), db_arn(IAD, "other"), (Edge(IAD, SG, MOST_RESTRICTED),)),
    # --- Aurora cross-region replica and global cluster membership ---
    (RDS_CLUSTER, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (RDS_CLUSTER, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (RDS_CLUSTER, 1, ("region",), UNKNOWN, (Edge(JKT, None, PII, "cannot be determined"),)),
    (RDS_CLUSTER, 1, ("replicationSourceIdentifier",), None, ()),
    (RDS_CLUSTER, 1, ("replicationSourceIdentifier",), UNKNOWN, (Edge(None, SG, MOST_RESTRICTED, NOT_IN_STACK),)),
    (
        RDS_CLUSTER,
        1,
        ("replicationSourceIdentifier",),
        "other",
        (Edge(None, SG, MOST_RESTRICTED, f"its source (other) {NOT_IN_STACK}"),),
    ),
    (
        RDS_CLUSTER,
        1,
        ("globalClusterIdentifier",),
        "g",
        (
            Edge(JKT, SG, PII),
            Edge(SG, None, PII, open_destination=True, target="g", mechanism="Aurora global cluster member"),
        ),
    ),
    # --- Aurora global cluster: the destination is open (every member region), the source is the primary ---
    (GLOBAL_CLUSTER, 0, ("region",), SG, (Edge(SG, None, PII, open_destination=True),)),
    # No source cluster: the global cluster itself, untagged here, so the class is unknown.
    (
        GLOBAL_CLUSTER,
        1,
        ("sourceDbClusterIdentifier",),
        None,
        (Edge(JKT, None, None, "source g: no 'data-class' tag", open_destination=True, target="g"),),
    ),
    (
        GLOBAL_CLUSTER,
        1,
        ("sourceDbClusterIdentifier",),
        UNKNOWN,
        (
            Edge(
                JKT,
                None,
                None,
                "the class of the copied data is unknown",
                open_destination=True,
                target="unknown during preview",
            ),
        ),
    ),
    # --- RDS automated backup replication ---
    (BACKUPS, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (BACKUPS, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (BACKUPS, 1, ("region",), UNKNOWN, (Edge(JKT, None, PII, "cannot be determined"),)),
    (BACKUPS, 1, ("sourceDbInstanceArn",), UNKNOWN, (Edge(None, SG, None, NOT_IN_STACK),)),
    (BACKUPS, 1, ("sourceDbInstanceArn",), None, (Edge(None, SG, None, "its source (None)"),)),
    # --- RDS snapshot copy: destinationRegion, else the copy's own region ---
    (SNAPSHOT_COPY, 0, ("destinationRegion",), IAD, (Edge(JKT, IAD, MOST_RESTRICTED),)),
    (SNAPSHOT_COPY, 0, ("destinationRegion",), JKT, (Edge(JKT, JKT, MOST_RESTRICTED),)),
    (SNAPSHOT_COPY, 0, ("destinationRegion",), UNKNOWN, (Edge(JKT, None, MOST_RESTRICTED, "cannot be determined"),)),
    (SNAPSHOT_COPY, 0, ("region",), IAD, (Edge(JKT, IAD, MOST_RESTRICTED),)),
    (SNAPSHOT_COPY, 0, ("region",), UNKNOWN, (Edge(JKT, None, MOST_RESTRICTED, "cannot be determined"),)),
    (SNAPSHOT_COPY, 0, ("sourceDbSnapshotIdentifier",), "s", (Edge(SG, SG, MOST_RESTRICTED),)),  # bare: same region
    # --- DynamoDB table with inline replicas ---
    (TABLE, 0, ("replicas", 0, "regionName"), IAD, (Edge(JKT, IAD, PII),)),
    (TABLE, 0, ("replicas", 0, "regionName"), JKT, (Edge(JKT, JKT, PII),)),
    (
        TABLE,
        0,
        ("replicas", 0, "regionName"),
        UNKNOWN,
        (Edge(JKT, None, PII, "cannot be determined", target="unknown during preview"),),
    ),
    (
        TABLE,
        0,
        ("replicas", 0, "regionName"),
        None,
        (Edge(JKT, None, PII, "the destination region of the copy cannot be determined"),),
    ),
    (TABLE, 0, ("replicas",), UNKNOWN, (Edge(JKT, None, PII, "replicas unknown during preview"),)),
    (TABLE, 0, ("replicas",), [], ()),
    (TABLE, 0, ("region",), IAD, (Edge(IAD, SG, PII),)),
    # --- DynamoDB table replica: the destination is the replica's own region ---
    (TABLE_REPLICA, 1, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (TABLE_REPLICA, 1, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (TABLE_REPLICA, 1, ("region",), UNKNOWN, (Edge(JKT, None, PII, "cannot be determined"),)),
    (TABLE_REPLICA, 1, ("globalTableArn",), UNKNOWN, (Edge(None, SG, MOST_RESTRICTED, NOT_IN_STACK),)),
    (TABLE_REPLICA, 1, ("globalTableArn",), table_arn(IAD, "other"), (Edge(IAD, SG, MOST_RESTRICTED),)),
    # --- DynamoDB global table (legacy): every replica region copies to every other ---
    (GLOBAL_TABLE, 1, ("replicas", 1, "regionName"), IAD, (Edge(JKT, IAD, PII), Edge(IAD, JKT, PII))),
    (GLOBAL_TABLE, 1, ("replicas", 1, "regionName"), JKT, ()),  # both replicas in one region: no copy
    # A replica without a region: one edge says the replica region cannot be determined (no invented reverse edge).
    (
        GLOBAL_TABLE,
        1,
        ("replicas", 1, "regionName"),
        None,
        (Edge(JKT, None, PII, "a replica region is unknown during preview"),),
    ),
    (
        GLOBAL_TABLE,
        1,
        ("name",),
        "other",
        (Edge(JKT, SG, None, "source table other: it is not in this stack"), Edge(SG, JKT, None, "source table other")),
    ),
    # --- ElastiCache global datastore: open destination, the primary group is the source ---
    (GLOBAL_DATASTORE, 0, ("region",), SG, (Edge(SG, None, PII, open_destination=True),)),
    (
        GLOBAL_DATASTORE,
        1,
        ("primaryReplicationGroupId",),
        "other",
        (Edge(JKT, None, None, "source replication group other: it is not in this stack", open_destination=True),),
    ),
    (
        GLOBAL_DATASTORE,
        1,
        ("primaryReplicationGroupId",),
        UNKNOWN,
        (Edge(JKT, None, None, "it is not in this stack", open_destination=True, target="unknown during preview"),),
    ),
    # --- ElastiCache secondary replication group: the destination is the member's own region ---
    (CACHE_GROUP, 2, ("region",), IAD, (Edge(JKT, IAD, PII),)),
    (CACHE_GROUP, 2, ("region",), JKT, (Edge(JKT, JKT, PII),)),
    (
        CACHE_GROUP,
        2,
        ("region",),
        UNKNOWN,
        (Edge(JKT, None, PII, "the destination region of ldgnf-g cannot be determined"),),
    ),
    (CACHE_GROUP, 2, ("globalReplicationGroupId",), UNKNOWN, (Edge(JKT, SG, PII, target="unknown during preview"),)),
    (CACHE_GROUP, 2, ("globalReplicationGroupId",), None, ()),  # not a member
    (
        CACHE_GROUP,
        1,
        ("primaryReplicationGroupId",),
        "other",
        (Edge(None, SG, MOST_RESTRICTED, "the source region cannot be determined"),),
    ),
    (CACHE_GROUP, 0, ("region",), IAD, (Edge(IAD, SG, PII),)),
]

SUSPECTED = [
    suspected(
        "snapshot-copy-source-unknown",
        SNAPSHOT_COPY,
        0,
        ("sourceDbSnapshotIdentifier",),
        UNKNOWN,
        "databases.snapshot_copy assumes an unknown source is in the copy's own region (a same-region edge)",
    ),
    suspected(
        "table-replica-element-unknown",
        TABLE,
        0,
        ("replicas",),
        [UNKNOWN],
        "databases.dynamodb_table drops replica entries that are unknown during preview",
    ),
    suspected(
        "global-table-replica-region-unknown",
        GLOBAL_TABLE,
        1,
        ("replicas", 1, "regionName"),
        UNKNOWN,
        "databases.dynamodb_global_table takes the unknown sentinel itself as a region, with no problem",
    ),
    suspected(
        "global-table-replicas-unknown",
        GLOBAL_TABLE,
        1,
        ("replicas",),
        UNKNOWN,
        "databases.dynamodb_global_table yields no edge when its replicas are unknown during preview",
    ),
    suspected(
        "global-table-replica-regions-all-unknown",
        GLOBAL_TABLE,
        1,
        ("replicas",),
        [{"regionName": UNKNOWN}, {"regionName": UNKNOWN}],
        "databases.dynamodb_global_table compares unknown regions as equal and yields no edge",
    ),
]


def test_replica_of_a_source_outside_the_stack_carries_the_most_restricted_class() -> None:
    replica = BASELINES[RDS_INSTANCE].resources[1]
    (edge,) = precise_edges([replica], 0)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (
        JKT,
        SG,
        MOST_RESTRICTED,
        None,
    )
    assert edge.source_outside


def test_unknown_table_arn_resolved_through_the_dependency() -> None:
    replica = res(TABLE_REPLICA, "tr", {"globalTableArn": UNKNOWN}, SIN, deps={"globalTableArn": (TABLE_T.urn,)})
    (edge,) = precise_edges([TABLE_T, replica], 1)
    assert (edge.source_region, edge.destination_region, edge.data_class, edge.problem) == (JKT, SG, PII, None)
    assert not edge.source_outside


def test_cache_member_without_a_resolvable_datastore_has_no_source_region() -> None:
    member = res(
        CACHE_GROUP, "rg2", {"replicationGroupId": "rg2", "globalReplicationGroupId": "ldgnf-g", "tags": tags()}, SIN
    )
    (edge,) = precise_edges([GROUP, DATASTORE, member], 2)
    assert (edge.source_region, edge.destination_region) == (None, SG)
    assert edge.problem is not None and "the source region cannot be determined" in edge.problem


def test_the_primary_group_of_a_datastore_is_not_a_copy_of_itself() -> None:
    primary = res(
        CACHE_GROUP,
        "rg",
        {"replicationGroupId": "rg", "globalReplicationGroupId": "ldgnf-g", "tags": tags()},
        deps={"globalReplicationGroupId": (DATASTORE.urn,)},
    )
    (edge,) = precise_edges([primary, DATASTORE], 0)
    assert (edge.source_region, edge.destination_region, edge.problem) == (JKT, JKT, None)
    # What it receives from the untagged datastore it joins counts as the most restricted class.
    assert edge.data_class is MOST_RESTRICTED


def test_global_cluster_copies_the_class_of_its_source_cluster_even_when_the_arn_is_unknown() -> None:
    weaker = res(
        GLOBAL_CLUSTER,
        "g",
        {"globalClusterIdentifier": "g", "sourceDbClusterIdentifier": UNKNOWN, "tags": tags("software-artifact")},
        deps={"sourceDbClusterIdentifier": (CLUSTER.urn,)},
    )
    edges = all_edges([CLUSTER, weaker], 1)
    assert edges and all(e.data_class is PII or e.problem for e in edges), [e.to_json() for e in edges]


def test_an_arn_is_never_matched_by_its_resource_type_segment() -> None:
    """`db` in arn:...:db:other is the type, not a name: a store called `db` must not become the replica's source."""
    decoy = res("aws:s3/bucket:Bucket", "decoy", {"bucket": "db", "tags": tags("software-artifact")})
    replica = res(
        "aws:rds/instance:Instance",
        "replica",
        {"replicateSourceDb": f"arn:aws:rds:{JKT}:{ACCOUNT}:db:other", "tags": tags("software-artifact")},
        SIN,
    )
    edges = [e for e in all_edges([decoy, replica], 1) if e.mechanism == "RDS read replica"]
    assert edges and all(e.data_class is not DataClass.SOFTWARE_ARTIFACT for e in edges), [e.to_json() for e in edges]
