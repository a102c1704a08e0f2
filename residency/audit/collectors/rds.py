"""RDS: instances (read replicas), clusters (replicas, global membership), global clusters, backup replication."""

from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tag_dict
from residency.facts.resource import ResourceInput


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("rds", region)
    out = []
    for page in c.get_paginator("describe_db_instances").paginate():
        for db in page["DBInstances"]:
            props = {
                "identifier": db["DBInstanceIdentifier"],
                "storageEncrypted": db.get("StorageEncrypted"),
                "kmsKeyId": db.get("KmsKeyId"),
                "deletionProtection": db.get("DeletionProtection"),
                "publiclyAccessible": db.get("PubliclyAccessible"),
                "tags": tag_dict(db.get("TagList")),
                "backupRetentionPeriod": db.get("BackupRetentionPeriod"),
            }
            if db.get("ReadReplicaSourceDBInstanceIdentifier"):
                props["replicateSourceDb"] = db["ReadReplicaSourceDBInstanceIdentifier"]
            out.append(
                resource(db["DBInstanceArn"], "aws:rds/instance:Instance", db["DBInstanceIdentifier"], region, props)
            )
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
    for g in items(c, "describe_global_clusters", "GlobalClusters"):
        members = g.get("GlobalClusterMembers", [])
        writer = next((m["DBClusterArn"] for m in members if m.get("IsWriter")), None)
        out.append(
            resource(
                g["GlobalClusterArn"],
                "aws:rds/globalCluster:GlobalCluster",
                g["GlobalClusterIdentifier"],
                region,
                {
                    "globalClusterIdentifier": g["GlobalClusterIdentifier"],
                    "sourceDbClusterIdentifier": writer,
                    "tags": {},
                },
            )
        )
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


def _snapshots(c: Any, region: str) -> list[ResourceInput]:
    """Manual and copied snapshots: a snapshot copied to another region is the database there. Each names the
    instance or cluster it was taken from, so its class follows that source where the source is known."""
    out: list[ResourceInput] = []
    for s in items(c, "describe_db_snapshots", "DBSnapshots", SnapshotType="manual"):
        props = {
            "dbInstanceIdentifier": s.get("DBInstanceIdentifier"),
            "sourceDbSnapshotIdentifier": s.get("SourceDBSnapshotIdentifier"),
            "tags": tag_dict(s.get("TagList")),
        }
        out.append(resource(s["DBSnapshotArn"], "aws:rds/snapshot:Snapshot", s["DBSnapshotIdentifier"], region, props))
    for s in items(c, "describe_db_cluster_snapshots", "DBClusterSnapshots", SnapshotType="manual"):
        props = {
            "dbClusterIdentifier": s.get("DBClusterIdentifier"),
            "sourceDbClusterSnapshotArn": s.get("SourceDBClusterSnapshotArn"),
            "tags": tag_dict(s.get("TagList")),
        }
        ident = s["DBClusterSnapshotIdentifier"]
        out.append(resource(s["DBClusterSnapshotArn"], "aws:rds/clusterSnapshot:ClusterSnapshot", ident, region, props))
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
