"""Which catalogue type an ARN names, so that anything the audit discovers is judged with the catalogue's role.

An ARN names a service and a resource kind (`arn:aws:lambda:R:A:function:name`); the catalogue names
`aws:lambda/function:Function`. The service maps to an SDK module, the kind to a type in it. What cannot be
mapped takes the strictest role its module has (a module with any data-holding type counts as a store).
"""

from functools import cache

from residency.model.catalogue import Role, catalogued_types, entry_for

SERVICE_MODULES: dict[str, tuple[str, ...]] = {
    "logs": ("cloudwatch",),
    "events": ("cloudwatch",),
    "monitoring": ("cloudwatch",),
    "es": ("opensearch", "elasticsearch"),
    "aoss": ("opensearch",),
    "firehose": ("kinesis",),
    "kinesisanalytics": ("kinesisanalyticsv2", "kinesis"),
    "elasticloadbalancing": ("lb", "alb", "elb"),
    "elasticfilesystem": ("efs",),
    "states": ("sfn",),
    "execute-api": ("apigateway", "apigatewayv2"),
    "cognito-idp": ("cognito",),
    "cognito-identity": ("cognito",),
    "kafka": ("msk",),
    "kafkaconnect": ("mskconnect",),
    "memorydb": ("memorydb",),
    "glacier": ("glacier",),
    "ssm": ("ssm",),
    "airflow": ("mwaa",),
    "elasticmapreduce": ("emr",),
    "emr-serverless": ("emrserverless",),
    "emr-containers": ("emrcontainers",),
    "timestream": ("timestreamwrite", "timestreaminfluxdb", "timestreamquery"),
    "codeartifact": ("codeartifact",),
    "ses": ("ses", "sesv2"),
    "sms-voice": ("pinpoint",),
    "mobiletargeting": ("pinpoint",),
    "s3tables": ("s3tables",),
    "s3express": ("s3",),
    "bedrock": ("bedrock", "bedrockmodel"),
    "geo": ("location",),
    "wafv2": ("wafv2",),
    "config": ("cfg",),
    "iotevents": ("iot",),
}
KIND_TYPES: dict[tuple[str, str], str] = {
    ("sns", ""): "aws:sns/topic:Topic",
    ("sqs", ""): "aws:sqs/queue:Queue",
    ("rds", "db"): "aws:rds/instance:Instance",
    ("rds", "cluster"): "aws:rds/cluster:Cluster",
    ("rds", "snapshot"): "aws:rds/snapshot:Snapshot",
    ("rds", "cluster-snapshot"): "aws:rds/clusterSnapshot:ClusterSnapshot",
    ("rds", "global-cluster"): "aws:rds/globalCluster:GlobalCluster",
    ("logs", "log-group"): "aws:cloudwatch/logGroup:LogGroup",
    ("elasticache", "replicationgroup"): "aws:elasticache/replicationGroup:ReplicationGroup",
    ("elasticache", "cluster"): "aws:elasticache/cluster:Cluster",
    ("es", "domain"): "aws:opensearch/domain:Domain",
    ("firehose", "deliverystream"): "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    ("kinesis", "stream"): "aws:kinesis/stream:Stream",
    ("ec2", "volume"): "aws:ebs/volume:Volume",
    ("ec2", "snapshot"): "aws:ebs/snapshot:Snapshot",
    ("ec2", "image"): "aws:ec2/ami:Ami",
    ("ec2", "instance"): "aws:ec2/instance:Instance",
    ("elasticfilesystem", "file-system"): "aws:efs/fileSystem:FileSystem",
    ("states", "statemachine"): "aws:sfn/stateMachine:StateMachine",
    ("states", "stateMachine"): "aws:sfn/stateMachine:StateMachine",
    ("cognito-idp", "userpool"): "aws:cognito/userPool:UserPool",
    ("cognito-identity", "identitypool"): "aws:cognito/identityPool:IdentityPool",
    ("kafka", "cluster"): "aws:msk/cluster:Cluster",
    ("ssm", "parameter"): "aws:ssm/parameter:Parameter",
    ("ssm", "document"): "aws:ssm/document:Document",
    ("events", "rule"): "aws:cloudwatch/eventRule:EventRule",
    ("events", "event-bus"): "aws:cloudwatch/eventBus:EventBus",
    ("elasticloadbalancing", "loadbalancer"): "aws:lb/loadBalancer:LoadBalancer",
    ("elasticloadbalancing", "targetgroup"): "aws:lb/targetGroup:TargetGroup",
}


def _norm(text: str) -> str:
    return text.replace("-", "").replace("_", "").lower()


@cache
def _index() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for token in catalogued_types():
        if token.startswith("aws:"):
            module, camel = token.split(":")[1].split("/")
            out.setdefault((module, _norm(camel)), token)
    return out


@cache
def _module_role(module: str) -> Role | None:
    roles = {entry_for(t).role for t in catalogued_types() if t.startswith(f"aws:{module}/")}
    if not roles:
        return None
    return Role.CONTROL if roles == {Role.CONTROL} else Role.STORE


def arn_parts(arn: str) -> tuple[str, str, str]:
    """(service, region, resource kind) of an ARN."""
    parts = arn.split(":", 5)
    if len(parts) < 6:
        return "", "", ""
    resource = parts[5]
    kind = resource.split("/", 1)[0].split(":", 1)[0] if ("/" in resource or ":" in resource) else ""
    return parts[2], parts[3], kind


def type_for_arn(arn: str) -> tuple[str, Role]:
    """(catalogue token or a descriptive stand-in, role) for the resource an ARN names."""
    service, _, kind = arn_parts(arn)
    if service == "s3" and ":::" in arn and "/" not in arn.split(":::", 1)[1]:
        return "aws:s3/bucket:Bucket", Role.STORE
    exact = KIND_TYPES.get((service, kind))
    if exact is not None:
        return exact, entry_for(exact).role
    modules = SERVICE_MODULES.get(service, (service.replace("-", ""),))
    for module in modules:
        token = _index().get((module, _norm(kind)))
        if token is not None:
            return token, entry_for(token).role
    for module in modules:
        role = _module_role(module)
        if role is not None:
            return f"aws:{module}/{kind or 'resource'}", role
    return f"aws:{service}/{kind or 'resource'}", Role.STORE
