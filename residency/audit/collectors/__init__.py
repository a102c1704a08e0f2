"""One collector per service; COLLECTORS is the audit's complete list (and the source of its IAM policy)."""

from residency.audit.collectors import (
    backup,
    discovery,
    dynamodb,
    ec2_storage,
    ecr,
    efs,
    elasticache,
    firehose,
    kms,
    listed,
    logs,
    rds,
    s3,
    secretsmanager,
    sqs,
)
from residency.audit.collectors.base import Collector

COLLECTORS: tuple[Collector, ...] = (
    s3.COLLECTOR,
    rds.COLLECTOR,
    dynamodb.COLLECTOR,
    elasticache.COLLECTOR,
    logs.COLLECTOR,
    kms.COLLECTOR,
    secretsmanager.COLLECTOR,
    backup.COLLECTOR,
    ecr.COLLECTOR,
    efs.COLLECTOR,
    sqs.COLLECTOR,
    firehose.COLLECTOR,
    ec2_storage.COLLECTOR,
    *listed.COLLECTORS,
    discovery.COLLECTOR,
)
