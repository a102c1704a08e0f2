from residency.facts.resource import ResourceFacts
from residency.facts.values import SECRET_SIG_KEY
from tests.components.conftest import one_for


def test_database_secure_defaults(jakarta: list[ResourceFacts]) -> None:
    db = one_for(jakarta, "aws:rds/instance:Instance", "onboarding-customer-pii")
    p = db.props
    assert p["engine"] == "postgres"
    assert p["storageEncrypted"] is True and p["deletionProtection"] is True
    assert p["skipFinalSnapshot"] is False and p["finalSnapshotIdentifier"].endswith("-final")
    assert p["publiclyAccessible"] is False and p["iamDatabaseAuthenticationEnabled"] is True
    assert p["manageMasterUserPassword"] is True and "password" not in p
    assert p["backupRetentionPeriod"] == 35  # 365 days of retention, capped at the RDS maximum
    assert db.data_class is not None and db.data_class.value == "customer-pii"


def test_database_key_is_the_same_region_key_of_its_class(jakarta: list[ResourceFacts]) -> None:
    db = one_for(jakarta, "aws:rds/instance:Instance", "onboarding-customer-pii")
    assert db.props["kmsKeyId"].startswith("arn:aws:kms:ap-southeast-3:")
    key = one_for(jakarta, "aws:kms/key:Key", "id-jkt-1-onboarding-customer-pii")
    assert (
        db.props["kmsKeyId"].endswith(key.props.get("keyId", ""))
        or key.urn in db.resource.property_dependencies["kmsKeyId"]
    )


def test_no_secret_in_plain_text(jakarta: list[ResourceFacts]) -> None:
    cache = one_for(jakarta, "aws:elasticache/replicationGroup:ReplicationGroup", "onboarding-customer-pii")
    assert SECRET_SIG_KEY in cache.props["authToken"]
