import pytest

from residency.facts.values import UNKNOWN
from residency.rules.enforce_kms_same_region import RULE
from tests.rules.fixtures import SIN_KEY_ARN, bucket, database, log_group, mutate, res, run, tags

BASELINE = [*bucket(), database(), log_group()]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("index", "path", "value", "expected"),
    [
        (4, ("kmsKeyId",), SIN_KEY_ARN, "encrypted with a KMS key in ap-southeast-1"),
        (4, ("storageEncrypted",), False, "has storageEncrypted off"),
        (4, ("kmsKeyId",), None, "is not encrypted with a customer-managed KMS key"),
        (4, ("kmsKeyId",), UNKNOWN, "the region of its KMS key (unknown during preview) cannot be determined"),
        (5, ("kmsKeyId",), "alias/aws/logs", "the region of its KMS key (alias/aws/logs) cannot be determined"),
        (
            1,
            ("rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId"),
            SIN_KEY_ARN,
            "pii in ap-southeast-3 is encrypted with a KMS key in ap-southeast-1",
        ),
        (1, ("bucket",), "another-bucket", "has no SSE-KMS encryption configuration"),
    ],
)
def test_mutations(index: int, path: tuple[str | int, ...], value: object, expected: str) -> None:
    messages = run(RULE, mutate(BASELINE, index, path, value))
    assert len(messages) == 1 and expected in messages[0], messages


def test_unknown_key_resolved_through_dependency_on_a_same_region_key() -> None:
    key = res("aws:kms/key:Key", "k", {"tags": tags()})
    db = res(
        "aws:rds/instance:Instance",
        "db",
        {"storageEncrypted": True, "kmsKeyId": UNKNOWN, "tags": tags()},
        deps={"kmsKeyId": (key.urn,)},
    )
    assert run(RULE, [key, db]) == []


def test_software_artifacts_are_out_of_scope() -> None:
    assert run(RULE, [*bucket(data_class="software-artifact")[:1]]) == []
