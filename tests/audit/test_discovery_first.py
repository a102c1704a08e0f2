"""Tag-first discovery: tags and locations come from the sweep and ListBuckets; per-resource reads only where a
rule needs them, and a resource of unknown class gets every read (fail closed)."""

from collections import Counter
from typing import Any

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.moto_gaps import install_bucket_region, install_empty_answers
from residency.audit.needs import Needs, RuleSet
from residency.audit.runner import run_audit
from residency.rules.base import RuleContext
from tests.audit.conftest import FAST_RETRY, JKT, REGIONS, delivery_stream
from tests.conftest import ID_ONLY


def _audit(session: boto3.Session, rule_set: RuleSet, fill_region: bool) -> tuple[Any, Counter[str]]:
    install_empty_answers(session)
    if fill_region:
        install_bucket_region(session)
    calls: Counter[str] = Counter()
    session._session.register("before-call", lambda model, **_: calls.update([model.name]))
    result = run_audit(ClientFactory(session, retries=FAST_RETRY), REGIONS, RuleContext(ID_ONLY), 1, rule_set=rule_set)
    return result, calls


def _buckets(aws: boto3.Session) -> None:
    s3 = aws.client("s3", region_name=JKT)
    for name, cls in (("pii", "customer-pii"), ("art", "software-artifact"), ("audit", "audit-log")):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": JKT})
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "data-class", "Value": cls}]})
    s3.create_bucket(Bucket="untagged", CreateBucketConfiguration={"LocationConstraint": JKT})


def test_residency_rules_read_replication_only_where_copies_are_restricted(aws: boto3.Session) -> None:
    _buckets(aws)
    result, calls = _audit(aws, RuleSet.RESIDENCY, fill_region=True)
    assert calls["GetBucketLocation"] == 0 and calls["GetBucketTagging"] == 1  # only the untagged one
    assert calls["GetBucketReplication"] == 3  # pii, audit and the untagged one: an artefact's bound is hygiene
    assert calls["GetBucketEncryption"] == calls["GetPublicAccessBlock"] == calls["GetObjectLockConfiguration"] == 0
    assert {f.policy for f in result.findings} == {"require-data-class-tag"}


def test_every_rule_reads_protections_only_for_classes_whose_controls_need_them(aws: boto3.Session) -> None:
    _buckets(aws)
    result, calls = _audit(aws, RuleSet.ALL, fill_region=True)
    assert calls["GetObjectLockConfiguration"] == 2  # the audit-log bucket and the untagged one
    assert calls["GetBucketEncryption"] == 3  # all but the software artefact bucket
    policies = {(f.policy, (f.urn or "").rsplit(":", 1)[-1]) for f in result.findings}
    assert ("enable-object-lock", "audit") in policies and ("enforce-kms-same-region", "pii") in policies
    assert not any(name == "art" for _, name in policies)


def test_without_bucket_region_the_location_is_asked(aws: boto3.Session) -> None:
    _buckets(aws)
    _, calls = _audit(aws, RuleSet.RESIDENCY, fill_region=False)
    assert calls["GetBucketLocation"] == 4


def test_needs_fail_closed_for_unknown_classes() -> None:
    needs = Needs(RuleSet.ALL)
    assert needs.copies(None) and needs.copies({"data-class": "custmer-pii"})
    assert needs.copies({"data-class": "software-artifact"}) and needs.copies({"data-class": "ops-telemetry"})
    assert not Needs(RuleSet.RESIDENCY).copies({"data-class": "software-artifact"})
    assert not Needs(RuleSet.ALL, ops_telemetry_anywhere=True).copies({"data-class": "ops-telemetry"})
    assert needs.control({}, "object_lock") and not needs.control({"data-class": "customer-pii"}, "object_lock")
    assert not Needs(RuleSet.RESIDENCY).control(None, "customer_managed_key")


def test_needs_read_the_class_as_the_rules_do() -> None:
    """Tag keys that disagree leave the class unknown to the rules (the strictest class), so every read is made."""
    residency = Needs(RuleSet.RESIDENCY)
    assert residency.copies({"data-class": "software-artifact", "DataClass": "customer-pii"})
    assert residency.copies({"data_class": "software-artifact"})  # a near-miss key is not read by the rules
    assert Needs(RuleSet.ALL, ops_telemetry_anywhere=True).copies({"data-class": "ops-telemetry", "Data-Class": "x"})


def _tables(aws: boto3.Session) -> None:
    ddb = aws.client("dynamodb", region_name=JKT)
    for name, cls in (("pii", "customer-pii"), ("art", "software-artifact"), ("untagged", None)):
        ddb.create_table(
            TableName=name,
            BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            Tags=[{"Key": "data-class", "Value": cls}] if cls else [],
        )


def test_tables_are_described_only_where_a_rule_needs_replicas_or_the_key(aws: boto3.Session) -> None:
    _tables(aws)
    result, calls = _audit(aws, RuleSet.RESIDENCY, fill_region=True)
    assert calls["DescribeTable"] == 2  # pii and the untagged one: an artefact's copies are not residency's
    assert calls["ListTagsOfResource"] == 1  # only the untagged one; the others' tags come from the sweep
    tables = {r.name: r for r in result.resources if r.type == "aws:dynamodb/table:Table"}
    assert tables["art"].props == {"name": "art", "tags": {"data-class": "software-artifact"}}
    assert tables["pii"].props["replicas"] == [] and tables["pii"].urn.endswith(":table/pii")
    assert [f.urn for f in result.findings if f.policy == "require-data-class-tag"] == [tables["untagged"].urn]


def test_every_rule_describes_a_table_whose_class_needs_a_customer_managed_key(aws: boto3.Session) -> None:
    _tables(aws)
    _, calls = _audit(aws, RuleSet.ALL, fill_region=True)
    assert calls["DescribeTable"] == 3  # the artefact table's copies are bounded to the platform regions


def test_a_delivery_stream_is_described_whatever_its_own_tag(aws: boto3.Session) -> None:
    """A stream delivers whatever flows into it, so an artefact label does not spare the read of where it goes."""
    delivery_stream(aws, "artefacts", "sink", JKT, "software-artifact")
    result, calls = _audit(aws, RuleSet.RESIDENCY, fill_region=True)
    assert calls["DescribeDeliveryStream"] == 1 and calls["ListTagsForDeliveryStream"] == 0
    stream = next(r for r in result.resources if r.type == "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")
    assert stream.props["tags"] == {"data-class": "software-artifact"} and stream.props["extendedS3Configuration"]
