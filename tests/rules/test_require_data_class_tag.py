import pytest

from residency.facts.values import UNKNOWN
from residency.rules.require_data_class_tag import RULE
from tests.rules.fixtures import bucket, database, log_group, mutate, res, run

BASELINE = [*bucket(), database(), log_group()]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("index", "path", "value", "expected"),
    [
        (0, ("tags",), None, "no 'data-class' tag"),
        (0, ("tags",), {"Data-Class": "customer-pii"}, "tag key 'Data-Class' is not read; use 'data-class' exactly"),
        (0, ("tags",), {"data_class": "customer-pii"}, "tag key 'data_class' is not read; use 'data-class' exactly"),
        (4, ("tags", "data-class"), "pii", "data-class 'pii' is not a known class; allowed: customer-pii"),
        (5, ("tags",), UNKNOWN, "its tags are unknown during preview"),
        (4, ("tags", "data-class"), UNKNOWN, "the 'data-class' tag value is unknown during preview"),
    ],
)
def test_mutations(index: int, path: tuple[str, ...], value: object, expected: str) -> None:
    messages = run(RULE, mutate(BASELINE, index, path, value))
    assert len(messages) == 1
    assert expected in messages[0]


@pytest.mark.parametrize(
    "type_",
    [
        "aws:dynamodb/table:Table",
        "aws:sqs/queue:Queue",
        "aws:kinesis/stream:Stream",
        "aws:efs/fileSystem:FileSystem",
        "aws:secretsmanager/secret:Secret",
        "aws:kms/key:Key",
        "aws:ecr/repository:Repository",
        "aws:opensearch/domain:Domain",
        "aws:ebs/volume:Volume",
        "aws:elasticache/serverlessCache:ServerlessCache",
        "aws:backup/vault:Vault",
    ],
)
def test_untagged_data_stores_of_every_kind_are_flagged(type_: str) -> None:
    assert len(run(RULE, [res(type_, "x", {})])) == 1


@pytest.mark.parametrize(
    "type_",
    [
        "aws:iam/role:Role",
        "aws:ec2/vpc:Vpc",
        "aws:ec2/securityGroup:SecurityGroup",
        "random:index/randomPassword:RandomPassword",
    ],
)
def test_non_data_resources_need_no_tag(type_: str) -> None:
    assert run(RULE, [res(type_, "x", {})]) == []


def test_a_near_miss_is_reported_on_every_type_even_control() -> None:
    vpc = res("aws:ec2/vpc:Vpc", "net", {"cidrBlock": "10.0.0.0/16", "tags": {"data_class": "customer-pii"}})
    (message,) = run(RULE, [vpc])
    assert message.startswith("aws:ec2/vpc:Vpc net: tag key 'data_class' is not read; use 'data-class' exactly")


def test_only_taggable_stores_are_asked_for_a_tag() -> None:
    untagged = [
        res("aws:ec2/vpc:Vpc", "net", {}),
        res("aws:lambda/function:Function", "fn", {}),
        res("aws:s3/bucketObject:BucketObject", "obj", {"bucket": "b", "key": "k"}),
        res("aws:cloudwatch/logStream:LogStream", "st", {"logGroupName": "g"}),
    ]
    assert run(RULE, untagged) == []
    (message,) = run(RULE, [res("aws:timestreamwrite/database:Database", "ts", {})])
    assert "ts holds data but its data class cannot be determined: no 'data-class' tag" in message


def test_provider_default_tags_satisfy_the_tag_rule() -> None:
    from residency.facts.resource import ProviderInput

    tagged = ProviderInput(
        "pulumi:providers:aws",
        "urn:p",
        "p",
        {"region": "ap-southeast-3", "defaultTags": {"tags": {"data-class": "api-log"}}},
    )
    assert run(RULE, [res("aws:sqs/queue:Queue", "q", {}, tagged)]) == []
