from residency.rules.enable_object_lock import RULE
from tests.rules.fixtures import bucket, mutate, res, run

LOCKED = [
    *bucket("sar", data_class="sar-envelope", objectLockEnabled=True),
    res(
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "sar-lock",
        {"bucket": "sar-bkt", "rule": {"defaultRetention": {"mode": "COMPLIANCE", "days": 1827}}},
    ),
]


def test_baseline_passes() -> None:
    assert run(RULE, LOCKED) == []


def test_bucket_without_object_lock() -> None:
    assert "was created without Object Lock" in run(RULE, mutate(LOCKED, 0, ("objectLockEnabled",), False))[0]


def test_governance_mode_is_not_enough() -> None:
    messages = run(RULE, mutate(LOCKED, 4, ("rule", "defaultRetention", "mode"), "GOVERNANCE"))
    assert "has no COMPLIANCE-mode default retention" in messages[0]


def test_lock_configuration_missing() -> None:
    assert "has no COMPLIANCE-mode default retention" in run(RULE, LOCKED[:4])[0]


def test_non_audit_buckets_need_no_lock() -> None:
    assert run(RULE, bucket()) == []
