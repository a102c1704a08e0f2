"""Resource types that hold or handle data and therefore must carry a `data-class` tag (or label)."""

from residency.facts.kubernetes import DATA_TYPES as K8S_DATA_TYPES

DATA_STORE_TYPES: frozenset[str] = frozenset(
    {
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:s3/directoryBucket:DirectoryBucket",
        "aws:rds/instance:Instance",
        "aws:rds/cluster:Cluster",
        "aws:rds/clusterInstance:ClusterInstance",
        "aws:rds/globalCluster:GlobalCluster",
        "aws:rds/snapshot:Snapshot",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
        "aws:rds/snapshotCopy:SnapshotCopy",
        "aws:dynamodb/table:Table",
        "aws:dynamodb/tableReplica:TableReplica",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:elasticache/cluster:Cluster",
        "aws:elasticache/serverlessCache:ServerlessCache",
        "aws:memorydb/cluster:Cluster",
        "aws:cloudwatch/logGroup:LogGroup",
        "aws:cloudwatch/logDestination:LogDestination",
        "aws:kinesis/stream:Stream",
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        "aws:sqs/queue:Queue",
        "aws:sns/topic:Topic",
        "aws:efs/fileSystem:FileSystem",
        "aws:backup/vault:Vault",
        "aws:backup/plan:Plan",
        "aws:secretsmanager/secret:Secret",
        "aws:kms/key:Key",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:ecr/repository:Repository",
        "aws:opensearch/domain:Domain",
        "aws:elasticsearch/domain:Domain",
        "aws:ebs/volume:Volume",
        "aws:ebs/snapshot:Snapshot",
        "aws:ebs/snapshotCopy:SnapshotCopy",
        "aws:redshift/cluster:Cluster",
        "aws:docdb/cluster:Cluster",
        "aws:neptune/cluster:Cluster",
        "aws:glacier/vault:Vault",
        "aws:fsx/lustreFileSystem:LustreFileSystem",
        "aws:timestreamwrite/table:Table",
    }
)


def is_data_store(resource_type: str) -> bool:
    return resource_type in DATA_STORE_TYPES or resource_type in K8S_DATA_TYPES
