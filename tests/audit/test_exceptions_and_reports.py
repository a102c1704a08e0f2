"""The audit honours exceptions as the gate does (matched by ARN or glob), and its reports point at no file that
does not exist."""

import json
from datetime import timedelta

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.moto_gaps import install_empty_answers
from residency.audit.runner import AuditResult, run_audit
from residency.reporters.audit import AUDIT_REPORTERS
from residency.rules.context import rule_context
from tests.audit.conftest import FAST_RETRY, IAD, JKT, REGIONS
from tests.conftest import TODAY
from tests.model.test_exceptions import entry


def _legacy_bucket(aws: boto3.Session) -> None:
    s3 = aws.client("s3", region_name=JKT)
    s3.create_bucket(Bucket="legacy-docs", CreateBucketConfiguration={"LocationConstraint": JKT})
    s3.put_bucket_tagging(Bucket="legacy-docs", Tagging={"TagSet": [{"Key": "data-class", "Value": "analytics"}]})


def _run(aws: boto3.Session, *entries: dict[str, object]) -> AuditResult:
    install_empty_answers(aws)
    ctx = rule_context({"residency:exceptions": list(entries)}, TODAY)
    return run_audit(ClientFactory(aws, retries=FAST_RETRY), REGIONS, ctx, workers=1)


def test_an_exception_by_arn_glob_waives_in_the_audit(aws: boto3.Session) -> None:
    _legacy_bucket(aws)
    before = _run(aws)
    kms = [f for f in before.findings if f.policy == "enforce-kms-same-region"]
    assert kms and all(f.blocking for f in kms)
    expires = str(TODAY + timedelta(days=30))
    after = _run(aws, entry(policy="enforce-kms-same-region", resource="arn:aws:s3:::legacy-*", expires=expires))
    waived = [f for f in after.findings if f.policy == "enforce-kms-same-region"]
    assert waived and all(f.waiver is not None and not f.blocking for f in waived)


def test_audit_sarif_has_no_physical_location_for_a_live_account(aws: boto3.Session) -> None:
    aws.client("s3", region_name=IAD).create_bucket(Bucket="far")
    aws.client("s3", region_name=IAD).put_bucket_tagging(
        Bucket="far", Tagging={"TagSet": [{"Key": "data-class", "Value": "customer-pii"}]}
    )
    doc = json.loads(AUDIT_REPORTERS["sarif"](_run(aws)))
    results = doc["runs"][0]["results"]
    assert results and all("physicalLocation" not in loc for r in results for loc in r["locations"])
    assert any(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "arn:aws:s3:::far" for r in results)
    markdown = AUDIT_REPORTERS["markdown"](_run(aws))
    assert "read from the live account" in markdown and "previewed offline" not in markdown
