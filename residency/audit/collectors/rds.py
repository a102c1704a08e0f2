"""RDS: instances (read replicas), clusters (replicas, global membership), global clusters, backup replication."""

from dataclasses import dataclass
from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tag_dict
from residency.audit.collectors.discovery import DISCOVERED
from residency.audit.collectors.rds_replicas import replicas_elsewhere
from residency.facts.resource import ResourceInput
from residency.facts.values import arn_region


def instance(db: dict[str, Any], arn: str, region: str, tags: dict[str, str], name: object = None) -> ResourceInput:
    """An RDS instance from its description, whichever source spells it: DescribeDBInstances' `DBInstanceIdentifier`
    or an AWS Config item's `dBInstanceIdentifier` (keys are matched without regard to case)."""
    field = {k.lower(): v for k, v in db.items()}
    ident = str(field.get("dbinstanceidentifier") or name)
    props = {
        "identifier": ident,
        "storageEncrypted": field.get("storageencrypted"),
        "kmsKeyId": field.get("kmskeyid"),
        "deletionProtection": field.get("deletionprotection"),
        "publiclyAccessible": field.get("publiclyaccessible"),
        "tags": tags,
    }
    if "backupretentionperiod" in field:
        props["backupRetentionPeriod"] = field["backupretentionperiod"]
    if field.get("readreplicasourcedbinstanceidentifier"):
        props["replicateSourceDb"] = field["readreplicasourcedbinstanceidentifier"]
    return resource(arn, "aws:rds/instance:Instance", ident, region, props)


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("rds", region)
    out = []
    for page in c.get_paginator("describe_db_instances").paginate():
        for db in page["DBInstances"]:
            out.append(instance(db, db["DBInstanceArn"], region, tag_dict(db.get("TagList"))))
            out += replicas_elsewhere(db, db["DBInstanceArn"], region, tag_dict(db.get("TagList")))
    for page in c.get_paginator("describe_db_clusters").paginate():
        for cl in page["DBClusters"]:
            props = {
                "clusterIdentifier": cl["DBClusterIdentifier"],
                "storageEncrypted": cl.get("StorageEncrypted"),
                "kmsKeyId": cl.get("KmsKeyId"),
                "deletionProtection": cl.get("DeletionProtection"),
                "tags": tag_dict(cl.get("TagList")),
            }
            if cl.get("ReplicationSourceIdentifier"):
                props["replicationSourceIdentifier"] = cl["ReplicationSourceIdentifier"]
            out.append(
                resource(cl["DBClusterArn"], "aws:rds/cluster:Cluster", cl["DBClusterIdentifier"], region, props)
            )
            out += replicas_elsewhere(cl, cl["DBClusterArn"], region, props["tags"])
    for g in items(c, "describe_global_clusters", "GlobalClusters"):
        members = g.get("GlobalClusterMembers", [])
        writer = next((m["DBClusterArn"] for m in members if m.get("IsWriter")), None)
        home = home_region(writer, members)
        # A global cluster has no region and every region lists it: judged once, where it writes. A region holding
        # one of its members also names it there, as seen from its side (as a cross-region replica): the read of
        # the writer's region replaces it, and without one it stays, not evaluated, so the run is never clean.
        seen_from_member = home is not None and home != region and region in map(arn_region, _member_arns(members))
        if home != region and not seen_from_member:
            continue
        found = resource(
            g["GlobalClusterArn"],
            "aws:rds/globalCluster:GlobalCluster",
            g["GlobalClusterIdentifier"],
            home or region,
            {
                "globalClusterIdentifier": g["GlobalClusterIdentifier"],
                "sourceDbClusterIdentifier": writer,
                "tags": tag_dict(g.get("TagList")),
            },
        )
        if seen_from_member:
            found.outputs[DISCOVERED] = True
        out.append(found)
    for backup in items(c, "describe_db_instance_automated_backups", "DBInstanceAutomatedBackups"):
        for replication in backup.get("DBInstanceAutomatedBackupsReplications", []):
            arn = replication["DBInstanceAutomatedBackupsArn"]
            target_region = arn.split(":")[3]
            out.append(
                resource(
                    arn,
                    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
                    backup.get("DBInstanceIdentifier", arn),
                    target_region,
                    {"sourceDbInstanceArn": backup.get("DBInstanceArn"), "tags": {}},
                )
            )
    return out + _snapshots(c, region)


def _member_arns(members: list[dict[str, Any]]) -> list[str]:
    return [str(m["DBClusterArn"]) for m in members if m.get("DBClusterArn")]


def home_region(writer: str | None, members: list[dict[str, Any]]) -> str | None:
    """Where a global cluster writes (its writer's region; without a writer, its first member's). One with no
    member holds no data: its members' clusters are what hold it, each read in its own region."""
    return arn_region(writer or next(iter(_member_arns(members)), None))


def source_arn(arn: str, copied_from: object, kind: str, ident: object, source_region: object = None) -> str | None:
    """The ARN of the instance or cluster a snapshot was taken from. A copy says where it came from (`SourceRegion`,
    or its source snapshot's ARN): that is where the database lives, and a namesake elsewhere must not stand in."""
    if not ident:
        return None
    parts = arn.split(":")
    if len(parts) < 5:
        return str(ident)
    origin = str(copied_from).split(":") if isinstance(copied_from, str) and copied_from.startswith("arn:") else []
    region = source_region or (origin[3] if len(origin) > 3 else parts[3])
    return f"arn:aws:rds:{region}:{parts[4]}:{kind}:{ident}"


@dataclass(frozen=True)
class SnapshotKind:
    operation: str
    key: str
    type: str
    prefix: str
    """`DBSnapshot` or `DBClusterSnapshot`: the answer names its ARN and identifier with it."""
    origin: str
    """The field naming the snapshot it was copied from, and the property that keeps it."""
    origin_prop: str
    source: tuple[str, str, str]
    """(property, answer field, ARN resource kind) of the database it was taken from."""


KINDS = (
    SnapshotKind(
        "describe_db_snapshots",
        "DBSnapshots",
        "aws:rds/snapshot:Snapshot",
        "DBSnapshot",
        "SourceDBSnapshotIdentifier",
        "sourceDbSnapshotIdentifier",
        ("dbInstanceIdentifier", "DBInstanceIdentifier", "db"),
    ),
    SnapshotKind(
        "describe_db_cluster_snapshots",
        "DBClusterSnapshots",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
        "DBClusterSnapshot",
        "SourceDBClusterSnapshotArn",
        "sourceDbClusterSnapshotArn",
        ("dbClusterIdentifier", "DBClusterIdentifier", "cluster"),
    ),
)


def snapshot(kind: SnapshotKind, answer: dict[str, Any], region: str, tags: dict[str, str]) -> ResourceInput:
    """A snapshot from its description, whichever source spells it: DescribeDBSnapshots' `DBSnapshotArn` or an AWS
    Config item's `dBSnapshotArn` (keys are matched without regard to case)."""
    field = {k.lower(): v for k, v in answer.items()}
    arn, origin = str(field[f"{kind.prefix}arn".lower()]), field.get(kind.origin.lower())
    prop, source_field, arn_kind = kind.source
    props = {
        prop: source_arn(arn, origin, arn_kind, field.get(source_field.lower()), field.get("sourceregion")),
        kind.origin_prop: origin,
        "tags": tags,
    }
    return resource(arn, kind.type, str(field[f"{kind.prefix}identifier".lower()]), region, props)


def _snapshots(c: Any, region: str) -> list[ResourceInput]:
    """Manual, copied and AWS Backup snapshots: a snapshot copied to another region is the database there. Each
    names the instance or cluster it was taken from, so its class follows that source where known. Automated
    snapshots stay in their database's region and go with it; their copies elsewhere are the automated-backup
    replications read above."""
    out: list[ResourceInput] = []
    for snapshot_type in ("manual", "awsbackup"):
        for kind in KINDS:
            for s in items(c, kind.operation, kind.key, SnapshotType=snapshot_type):
                out.append(snapshot(kind, s, region, tag_dict(s.get("TagList"))))
    return out


COLLECTOR = Collector(
    "rds",
    (
        "DescribeDBInstances",
        "DescribeDBClusters",
        "DescribeGlobalClusters",
        "DescribeDBInstanceAutomatedBackups",
        "DescribeDBSnapshots",
        "DescribeDBClusterSnapshots",
    ),
    collect,
    types=(
        "aws:rds/cluster:Cluster",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
        "aws:rds/globalCluster:GlobalCluster",
        "aws:rds/instance:Instance",
        "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
        "aws:rds/snapshot:Snapshot",
    ),
)
