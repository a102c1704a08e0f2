from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def test_retention_comes_from_settings(jakarta: list[ResourceFacts]) -> None:
    api = one_for(jakarta, "aws:cloudwatch/logGroup:LogGroup", "onboarding-api-log")
    audit = one_for(jakarta, "aws:cloudwatch/logGroup:LogGroup", "platform-audit-log")
    assert api.props["retentionInDays"] == 90 and audit.props["retentionInDays"] == 3653
    assert api.props["kmsKeyId"].startswith("arn:aws:kms:ap-southeast-3:")


def test_audit_classes_get_an_object_locked_archive(jakarta: list[ResourceFacts]) -> None:
    archive = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-audit-log-logs-archive")
    assert archive.props["objectLockEnabled"] is True and archive.region == "ap-southeast-3"
    assert [f for f in jakarta if f.type == "aws:s3/bucket:Bucket" and "onboarding-api-log" in f.resource.name] == []
