"""The Config types read only when tagged agree with the catalogue, and no type that holds or moves data is among them."""

import pytest

from residency.audit.config_types import TAGGED_ONLY
from residency.model.arn_types import _index, _norm
from residency.model.catalogue import Role, entry_for

MODULES = {
    "ec2": ("ec2", "ebs", "vpc", "ec2transitgateway"),
    "logs": ("cloudwatch",),
    "events": ("cloudwatch",),
    "kinesisfirehose": ("kinesis",),
    "elasticloadbalancingv2": ("lb", "alb"),
    "elasticloadbalancing": ("elb",),
    "elasticsearch": ("elasticsearch", "opensearch"),
    "stepfunctions": ("sfn",),
    "amazonmq": ("mq",),
    "cassandra": ("keyspaces",),
    "config": ("cfg",),
    "route53resolver": ("route53",),
    "sso": ("ssoadmin",),
}
PREFIXES = {"events": "event", "logs": "log", "kinesisfirehose": "firehose", "route53resolver": "resolver"}


def catalogue_token(config_type: str) -> str | None:
    """The Pulumi type a Config type names, where the catalogue has one (`AWS::RDS::DBSnapshot` is
    `aws:rds/snapshot:Snapshot`, `AWS::Events::Rule` is `aws:cloudwatch/eventRule:EventRule`)."""
    _, service, kind = config_type.split("::")
    s = service.lower()
    kinds = (kind, PREFIXES.get(s, "") + kind, service + kind, kind.removeprefix(service), kind.removeprefix("DB"))
    for module in MODULES.get(s, (s,)):
        for k in kinds:
            token = _index().get((module, _norm(k)))
            if token is not None:
                return token
    return None


@pytest.mark.parametrize("config_type", sorted(TAGGED_ONLY))
def test_a_type_read_only_when_tagged_holds_no_data_in_the_catalogue(config_type: str) -> None:
    token = catalogue_token(config_type)
    if token is not None:
        assert entry_for(token).role in (Role.CONTROL, Role.PROCESSOR), f"{config_type} is {token}"


@pytest.mark.parametrize(
    "config_type",
    [
        "AWS::S3::Bucket",
        "AWS::EC2::Volume",
        "AWS::RDS::DBSnapshot",
        "AWS::RDS::DBClusterSnapshot",
        "AWS::RDS::DBCluster",
        "AWS::Backup::RecoveryPoint",
        "AWS::EFS::FileSystem",
        "AWS::ElastiCache::CacheCluster",
        "AWS::SecretsManager::Secret",
        "AWS::ECR::Repository",
        "AWS::ECR::PublicRepository",
        "AWS::KinesisFirehose::DeliveryStream",
        "AWS::Kinesis::Stream",
        "AWS::Logs::Destination",
        "AWS::DMS::ReplicationTask",
        "AWS::DataSync::Task",
        "AWS::Route53Resolver::ResolverQueryLoggingConfig",
        "AWS::S3::MultiRegionAccessPoint",
        "AWS::OpenSearch::Domain",
        "AWS::Redshift::Cluster",
        "AWS::SNS::Topic",
        "AWS::Events::EventBus",
        "AWS::Events::Archive",
    ],
)
def test_a_type_that_holds_or_moves_data_is_read_whatever_its_tags(config_type: str) -> None:
    assert config_type not in TAGGED_ONLY
