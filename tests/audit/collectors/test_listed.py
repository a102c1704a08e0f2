"""Stores of services no collector reads in depth are found by their list call too: the tagging sweep lists only
what carries tags, so an untagged Kinesis stream, SNS topic, Redshift cluster, OpenSearch domain or standalone
cache cluster outside Jakarta was invisible. Judged as the strictest class, and listed as not evaluated."""

import boto3

from residency.audit.iam_policy import policy_document
from residency.audit.moto_gaps import answer
from tests.audit.conftest import JKT, SIN, audit

ACCOUNT = "123456789012"


def _untagged_stores(aws: boto3.Session) -> dict[str, str]:
    aws.client("kinesis", region_name=SIN).create_stream(StreamName="events", ShardCount=1)
    topic = aws.client("sns", region_name=SIN).create_topic(Name="alerts")["TopicArn"]
    aws.client("redshift", region_name=SIN).create_cluster(
        ClusterIdentifier="warehouse", NodeType="dc2.large", MasterUsername="u", MasterUserPassword="Xx123456789"
    )
    aws.client("opensearch", region_name=SIN).create_domain(DomainName="search")
    aws.client("elasticache", region_name=SIN).create_cache_cluster(
        CacheClusterId="sessions", Engine="memcached", CacheNodeType="cache.t3.micro", NumCacheNodes=1
    )
    return {
        f"arn:aws:kinesis:{SIN}:{ACCOUNT}:stream/events": "aws:kinesis/stream:Stream",
        str(topic): "aws:sns/topic:Topic",
        f"arn:aws:redshift:{SIN}:{ACCOUNT}:cluster:warehouse": "aws:redshift/cluster:Cluster",
        f"arn:aws:es:{SIN}:{ACCOUNT}:domain/search": "aws:opensearch/domain:Domain",
        f"arn:aws:elasticache:{SIN}:{ACCOUNT}:cluster:sessions": "aws:elasticache/cluster:Cluster",
    }


def test_untagged_stores_of_listed_services_are_found(aws: boto3.Session) -> None:
    expected = _untagged_stores(aws)
    result = audit(aws, regions=[JKT, SIN])
    placed = {f.urn for f in result.findings if f.policy == "restrict-data-class-region"}
    untagged = {f.urn for f in result.findings if f.policy == "require-data-class-tag"}
    assert set(expected) <= placed and set(expected) <= untagged  # before: none of them was seen
    assert {r.urn: r.type for r in result.unevaluated if r.urn in expected} == expected
    assert result.exit_code == 3


def test_a_tagged_one_is_judged_once_from_the_sweep(aws: boto3.Session) -> None:
    aws.client("sns", region_name=SIN).create_topic(Name="pii", Tags=[{"Key": "data-class", "Value": "customer-pii"}])
    result = audit(aws, regions=[SIN])
    arn = f"arn:aws:sns:{SIN}:{ACCOUNT}:pii"
    assert [r.props["tags"] for r in result.resources if r.urn == arn] == [{"data-class": "customer-pii"}]
    assert [f.policy for f in result.findings if f.urn == arn] == ["restrict-data-class-region"]


def test_the_list_calls_are_in_the_iam_policy() -> None:
    statements = policy_document()["Statement"]
    assert isinstance(statements, list)
    actions = statements[0]["Action"]
    for action in (
        "kinesis:ListStreams",
        "sns:ListTopics",
        "redshift:DescribeClusters",
        "es:ListDomainNames",
        "elasticache:DescribeCacheClusters",
    ):
        assert action in actions


def test_a_listed_store_whose_arn_is_not_text_fails_the_read(aws: boto3.Session) -> None:
    """An ARN null in the answer became a resource named 'None' and the region read as audited."""
    summary = {"StreamName": "x", "StreamARN": None, "StreamStatus": "ACTIVE", "StreamCreationTimestamp": 0}
    answer(
        aws,
        "kinesis",
        "ListStreams",
        lambda _params: {"StreamNames": ["x"], "HasMoreStreams": False, "StreamSummaries": [summary]},
    )
    result = audit(aws, regions=[SIN])
    assert "kinesis: MalformedAnswerError: " in result.regions[SIN]
    assert not [r for r in result.resources if r.urn == "None"]
