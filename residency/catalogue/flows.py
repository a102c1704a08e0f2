"""Which input properties of a mover name the data it reads (sources) and where it sends it (destinations).

Paths are camelCase keys joined by dots; lists are walked through. A reference in a property not listed here is
judged both ways (the mover reads it and may send to it), so these lists only ever make a verdict more precise.
"""

FLOWS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": (("bucket",), ("rules.destination.bucket",)),
    "aws:s3/bucketNotification:BucketNotification": (
        ("bucket",),
        ("topics.topicArn", "queues.queueArn", "lambdaFunctions.lambdaFunctionArn"),
    ),
    "aws:s3/bucketLogging:BucketLogging": (("bucket",), ("targetBucket",)),
    "aws:s3/bucketLoggingV2:BucketLoggingV2": (("bucket",), ("targetBucket",)),
    "aws:s3/inventory:Inventory": (("bucket",), ("destination.bucket.bucketArn",)),
    "aws:s3/analyticsConfiguration:AnalyticsConfiguration": (
        ("bucket",),
        ("storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketArn",),
    ),
    "aws:s3/objectCopy:ObjectCopy": (("source",), ("bucket",)),
    "aws:s3/bucketMetadataConfiguration:BucketMetadataConfiguration": (("bucket",), ()),
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": (("logGroup",), ("destinationArn",)),
    "aws:cloudwatch/logDestination:LogDestination": ((), ("targetArn",)),
    "aws:cloudwatch/eventTarget:EventTarget": (("rule", "eventBusName"), ("arn", "deadLetterConfig.arn")),
    "aws:cloudwatch/logDelivery:LogDelivery": (("deliverySourceName",), ("deliveryDestinationArn",)),
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (
        (),
        ("deliveryDestinationConfiguration.destinationResourceArn",),
    ),
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": (("resourceArn",), ()),
    "aws:cloudwatch/metricStream:MetricStream": ((), ("firehoseArn",)),
    "aws:sns/topicSubscription:TopicSubscription": (("topic",), ("endpoint",)),
    "aws:sqs/redrivePolicy:RedrivePolicy": (("queueUrl",), ("redrivePolicy",)),
    "aws:lambda/eventSourceMapping:EventSourceMapping": (
        ("eventSourceArn",),
        ("functionName", "destinationConfig.onFailure.destinationArn"),
    ),
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": (
        ("functionName",),
        ("destinationConfig.onSuccess.destination", "destinationConfig.onFailure.destination"),
    ),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (
        ("kinesisSourceConfiguration.kinesisStreamArn", "mskSourceConfiguration.mskClusterArn"),
        (
            "extendedS3Configuration.bucketArn",
            "redshiftConfiguration.clusterJdbcurl",
            "opensearchConfiguration.domainArn",
            "elasticsearchConfiguration.domainArn",
            "opensearchserverlessConfiguration.collectionEndpoint",
            "httpEndpointConfiguration.url",
            "icebergConfiguration.catalogArn",
        ),
    ),
    "aws:ec2/flowLog:FlowLog": (
        ("vpcId", "subnetId", "eniId", "transitGatewayId", "transitGatewayAttachmentId", "regionalNatGatewayId"),
        ("logDestination",),
    ),
    "aws:cloudtrail/trail:Trail": (
        ("eventSelectors.dataResources.values", "advancedEventSelectors.fieldSelectors.equals"),
        ("s3BucketName", "cloudWatchLogsGroupArn", "snsTopicName"),
    ),
    "aws:athena/workgroup:Workgroup": ((), ("configuration.resultConfiguration.outputLocation",)),
    "aws:dms/replicationTask:ReplicationTask": (("sourceEndpointArn",), ("targetEndpointArn",)),
    "aws:dms/replicationConfig:ReplicationConfig": (("sourceEndpointArn",), ("targetEndpointArn",)),
    "aws:datasync/task:Task": (("sourceLocationArn",), ("destinationLocationArn",)),
    "aws:pipes/pipe:Pipe": (("source",), ("target", "enrichment")),
    "aws:scheduler/schedule:Schedule": ((), ("target.arn", "target.deadLetterConfig.arn")),
    "aws:ebs/snapshotCopy:SnapshotCopy": (("sourceSnapshotId",), ()),
    "aws:ec2/amiCopy:AmiCopy": (("sourceAmiId",), ()),
    "aws:rds/snapshotCopy:SnapshotCopy": (("sourceDbSnapshotIdentifier",), ()),
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": (("sourceDbClusterSnapshotIdentifier",), ()),
    "aws:rds/exportTask:ExportTask": (("sourceArn",), ("s3BucketName",)),
    "aws:rds/integration:Integration": (("sourceArn",), ("targetArn",)),
    "aws:redshift/integration:Integration": (("sourceArn",), ("targetArn",)),
    "aws:redshift/logging:Logging": (("clusterIdentifier",), ("bucketName",)),
    "aws:redshift/snapshotCopy:SnapshotCopy": (("clusterIdentifier",), ("destinationRegion",)),
    "aws:dynamodb/tableExport:TableExport": (("tableArn",), ("s3Bucket",)),
    "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination": (("tableName",), ("streamArn",)),
    "aws:msk/replicator:Replicator": (
        ("replicationInfoList.sourceKafkaClusterArn",),
        ("replicationInfoList.targetKafkaClusterArn",),
    ),
    "aws:backup/selection:Selection": (("resources",), ("planId",)),
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": (("resourceArn",), ("logDestinationConfigs",)),
    "aws:networkfirewall/loggingConfiguration:LoggingConfiguration": (
        ("firewallArn",),
        ("loggingConfiguration.logDestinationConfigs.logDestination",),
    ),
    "aws:route53/queryLog:QueryLog": (("zoneId",), ("cloudwatchLogGroupArn",)),
    "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig": ((), ("destinationArn",)),
    "aws:qldb/stream:Stream": (("ledgerName",), ("kinesisConfiguration.streamArn",)),
    "aws:rds/clusterActivityStream:ClusterActivityStream": (("resourceArn",), ()),
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration": (
        ("productionVariants.modelName",),
        ("dataCaptureConfig.destinationS3Uri", "asyncInferenceConfig.outputConfig.s3OutputPath"),
    ),
    "aws:transfer/user:User": (("serverId",), ("homeDirectory", "homeDirectoryMappings.target")),
    "aws:apigateway/stage:Stage": (("restApi",), ("accessLogSettings.destinationArn",)),
    "aws:apigatewayv2/stage:Stage": (("apiId",), ("accessLogSettings.destinationArn",)),
    "aws:apigateway/integration:Integration": (("restApi",), ("uri",)),
    "aws:apigatewayv2/integration:Integration": (("apiId",), ("integrationUri",)),
    "aws:codecommit/trigger:Trigger": (("repositoryName",), ("triggers.destinationArn",)),
    "aws:ses/receiptRule:ReceiptRule": (
        (),
        (
            "s3Actions.bucketName",
            "snsActions.topicArn",
            "lambdaActions.functionArn",
            "workmailActions.organizationArn",
        ),
    ),
    "aws:cloudfront/realtimeLogConfig:RealtimeLogConfig": ((), ("endpoint.kinesisStreamConfig.streamArn",)),
    "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": (
        (),
        ("loggingConfig.s3Config.bucketName", "loggingConfig.cloudwatchConfig.logGroupName"),
    ),
}

PARTS: dict[str, str] = {
    "aws:s3/bucketObject:BucketObject": "bucket",
    "aws:s3/bucketObjectv2:BucketObjectv2": "bucket",
    "aws:dynamodb/tableItem:TableItem": "tableName",
    "aws:dynamodb/globalSecondaryIndex:GlobalSecondaryIndex": "tableName",
    "aws:cloudwatch/logStream:LogStream": "logGroupName",
    "aws:secretsmanager/secretVersion:SecretVersion": "secretId",
    "aws:msk/topic:Topic": "clusterArn",
    "aws:s3/vectorsIndex:VectorsIndex": "vectorBucketName",
    "aws:s3tables/table:Table": "tableBucketArn",
    "aws:rds/clusterInstance:ClusterInstance": "clusterIdentifier",
    "aws:docdb/clusterInstance:ClusterInstance": "clusterIdentifier",
    "aws:neptune/clusterInstance:ClusterInstance": "clusterIdentifier",
}
"""Stores that are part of a parent store: they hold the parent's data, take its class and need no tag of their own."""

COPIED_STORES: dict[str, tuple[str, ...]] = {
    "aws:rds/instance:Instance": (
        "replicateSourceDb",
        "snapshotIdentifier",
        "restoreToPointInTime.sourceDbInstanceIdentifier",
    ),
    "aws:rds/cluster:Cluster": (
        "replicationSourceIdentifier",
        "snapshotIdentifier",
        "restoreToPointInTime.sourceClusterIdentifier",
    ),
    "aws:dynamodb/tableReplica:TableReplica": ("globalTableArn",),
    "aws:ebs/volume:Volume": ("snapshotId",),
    "aws:kms/replicaKey:ReplicaKey": ("primaryKeyArn",),
    "aws:elasticache/replicationGroup:ReplicationGroup": ("globalReplicationGroupId", "snapshotArns"),
    "aws:docdb/cluster:Cluster": ("snapshotIdentifier",),
    "aws:neptune/cluster:Cluster": ("snapshotIdentifier", "replicationSourceIdentifier"),
    "aws:redshift/cluster:Cluster": ("snapshotIdentifier", "snapshotClusterIdentifier"),
    "aws:ebs/snapshot:Snapshot": ("volumeId",),
    "aws:rds/snapshot:Snapshot": ("dbInstanceIdentifier",),
    "aws:rds/clusterSnapshot:ClusterSnapshot": ("dbClusterIdentifier",),
    "aws:docdb/clusterSnapshot:ClusterSnapshot": ("dbClusterIdentifier",),
    "aws:neptune/clusterSnapshot:ClusterSnapshot": ("dbClusterIdentifier",),
    "aws:redshift/clusterSnapshot:ClusterSnapshot": ("clusterIdentifier",),
    "aws:memorydb/snapshot:Snapshot": ("clusterName",),
    "aws:ec2/amiFromInstance:AmiFromInstance": ("sourceInstanceId",),
    "aws:ec2/ami:Ami": ("ebsBlockDevices.snapshotId",),
    "aws:fsx/backup:Backup": ("fileSystemId", "volumeId"),
    "aws:redshiftserverless/snapshot:Snapshot": ("namespaceName",),
}
"""Stores that can be created as a copy of another: these properties name the data they start from."""
