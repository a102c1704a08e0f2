"""Deterministic physical names, ids and ARNs carrying the resource's region, as a provider would compute them."""

import hashlib
from typing import Any

ACCOUNT = "123456789012"

AUTONAME_PROP: dict[str, str] = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:rds/instance:Instance": "identifier",
    "aws:rds/cluster:Cluster": "clusterIdentifier",
    "aws:elasticache/replicationGroup:ReplicationGroup": "replicationGroupId",
    "aws:cloudwatch/logGroup:LogGroup": "name",
    "aws:sqs/queue:Queue": "name",
    "aws:iam/role:Role": "name",
    "aws:iam/policy:Policy": "name",
    "aws:cloudwatch/eventRule:EventRule": "name",
    "aws:dynamodb/table:Table": "name",
    "aws:kinesis/stream:Stream": "name",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "name",
    "aws:secretsmanager/secret:Secret": "name",
    "aws:ecr/repository:Repository": "name",
    "aws:lambda/function:Function": "name",
    "aws:rds/subnetGroup:SubnetGroup": "name",
    "aws:sns/topic:Topic": "name",
    "aws:efs/fileSystem:FileSystem": "creationToken",
    "aws:ecs/cluster:Cluster": "name",
    "aws:lb/loadBalancer:LoadBalancer": "name",
    "aws:lb/targetGroup:TargetGroup": "name",
}

# type -> (arn service, resource path template); {n} = physical name, {i} = id
_ARN_SHAPES: dict[str, tuple[str, str]] = {
    "aws:rds/instance:Instance": ("rds", "db:{n}"),
    "aws:rds/cluster:Cluster": ("rds", "cluster:{n}"),
    "aws:elasticache/replicationGroup:ReplicationGroup": ("elasticache", "replicationgroup:{n}"),
    "aws:kms/key:Key": ("kms", "key/{i}"),
    "aws:kms/replicaKey:ReplicaKey": ("kms", "key/{i}"),
    "aws:kms/alias:Alias": ("kms", "{n}"),
    "aws:cloudwatch/logGroup:LogGroup": ("logs", "log-group:{n}"),
    "aws:sqs/queue:Queue": ("sqs", "{n}"),
    "aws:dynamodb/table:Table": ("dynamodb", "table/{n}"),
    "aws:secretsmanager/secret:Secret": ("secretsmanager", "secret:{n}"),
    "aws:lambda/function:Function": ("lambda", "function:{n}"),
    "aws:cloudwatch/eventRule:EventRule": ("events", "rule/{n}"),
    "aws:kinesis/stream:Stream": ("kinesis", "stream/{n}"),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": ("firehose", "deliverystream/{n}"),
    "aws:ecr/repository:Repository": ("ecr", "repository/{n}"),
    "aws:sns/topic:Topic": ("sns", "{n}"),
}
_GLOBAL_SERVICES = {"iam", "s3", "cloudfront", "route53", "organizations"}


def digest(*parts: str, length: int = 7) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def physical_name(resource_type: str, name: str, inputs: dict[str, Any]) -> str | None:
    prop = AUTONAME_PROP.get(resource_type)
    if prop is None:
        return None
    given = inputs.get(prop)
    if isinstance(given, str) and given:
        return given
    suffix = digest(resource_type, name)
    base = f"{name}-{suffix}"
    return base.lower() if prop in ("bucket", "identifier", "clusterIdentifier", "replicationGroupId") else base


def resource_id(resource_type: str, name: str, inputs: dict[str, Any]) -> str:
    physical = physical_name(resource_type, name, inputs)
    if physical is not None and resource_type != "aws:sqs/queue:Queue":
        return physical
    if resource_type.startswith("aws:kms/"):
        h = digest(resource_type, name, length=32)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
    return f"{name}-{digest(resource_type, name, length=8)}"


def arn(resource_type: str, region: str | None, ident: str, physical: str | None) -> str:
    module = resource_type.split(":")[1].split("/")[0] if ":" in resource_type else "unknown"
    n = physical or ident
    if resource_type.startswith("aws:s3/bucket"):
        return f"arn:aws:s3:::{n}"
    if module == "iam":
        kind = resource_type.split(":")[-1].lower()
        return f"arn:aws:iam::{ACCOUNT}:{kind}/{n}"
    service, path = _ARN_SHAPES.get(resource_type, (module, resource_type.split(":")[-1].lower() + "/{i}"))
    where = "" if service in _GLOBAL_SERVICES else (region or "")
    return f"arn:aws:{service}:{where}:{ACCOUNT}:{path.format(n=n, i=ident)}"
