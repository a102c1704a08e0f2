from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for


def test_cache_encrypts_at_rest_and_in_transit(jakarta: list[ResourceFacts]) -> None:
    cache = one_for(jakarta, "aws:elasticache/replicationGroup:ReplicationGroup", "onboarding-customer-pii")
    p = cache.props
    assert p["atRestEncryptionEnabled"] is True and p["transitEncryptionEnabled"] is True
    assert p["kmsKeyId"].startswith("arn:aws:kms:ap-southeast-3:")
    assert p["engine"] == "valkey" and p["snapshotRetentionLimit"] == 35
