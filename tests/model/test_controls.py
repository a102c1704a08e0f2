"""The controls catalogue is what the rules enforce and what the posture permits, class by class."""

import pytest

from residency.model.controls import CONTROLS, SINGAPORE_REPLICA_CLASSES, retention_floor
from residency.model.data_classes import MATRIX, PINNED_CLASSES, DataClass
from residency.model.settings import RetentionDays
from residency.rules.enable_deletion_protection import RULE as DELETION
from residency.rules.enable_object_lock import RULE as OBJECT_LOCK
from residency.rules.enforce_kms_same_region import RULE as KMS
from tests.conftest import ID_ONLY, ID_SG
from tests.rules.fixtures import bucket, mutate, run


def test_every_class_has_one_row() -> None:
    assert set(CONTROLS) == set(DataClass) == set(MATRIX)


@pytest.mark.parametrize("data_class", list(DataClass))
def test_kms_rule_demands_a_key_exactly_for_cmk_classes(data_class: DataClass) -> None:
    plain = mutate(bucket(data_class=data_class.value), 1, ("rules", 0, "applyServerSideEncryptionByDefault"), {})
    flagged = bool(run(KMS, plain))
    assert flagged is CONTROLS[data_class].customer_managed_key


@pytest.mark.parametrize("data_class", list(DataClass))
def test_deletion_rule_follows_the_catalogue(data_class: DataClass) -> None:
    doomed = mutate(bucket(data_class=data_class.value), 0, ("forceDestroy",), True)
    assert bool(run(DELETION, doomed)) is CONTROLS[data_class].deletion_protection


@pytest.mark.parametrize("data_class", list(DataClass))
def test_object_lock_rule_follows_the_catalogue(data_class: DataClass) -> None:
    assert bool(run(OBJECT_LOCK, bucket(data_class=data_class.value))) is CONTROLS[data_class].object_lock


@pytest.mark.parametrize("data_class", list(DataClass))
def test_retention_floor_is_applied_to_the_default(data_class: DataClass) -> None:
    days = RetentionDays(default=30).for_class(data_class)
    floor = retention_floor(data_class)
    assert days == (30 if floor is None else floor)


@pytest.mark.parametrize("data_class", SINGAPORE_REPLICA_CLASSES)
def test_a_class_the_platform_replicates_is_one_the_posture_lets_go_to_singapore(data_class: DataClass) -> None:
    assert ID_SG.copy_verdict(data_class, "ap-southeast-3", "ap-southeast-1").allowed
    assert not ID_ONLY.copy_verdict(data_class, "ap-southeast-3", "ap-southeast-1").allowed


@pytest.mark.parametrize("data_class", sorted(PINNED_CLASSES))
def test_pinned_classes_are_locked_kept_and_never_replicated(data_class: DataClass) -> None:
    controls = CONTROLS[data_class]
    assert controls.object_lock and controls.retention_floor_days and not controls.singapore_replica
    assert controls.movement_audited


def test_the_watchlist_flow_is_one_the_posture_allows() -> None:
    from residency.model.data_classes import WATCHLIST_SERVED, WATCHLIST_SOURCE

    source, served = WATCHLIST_SOURCE.aws, WATCHLIST_SERVED.aws
    assert ID_ONLY.copy_verdict(DataClass.WATCHLIST, source, served).allowed
    assert ID_ONLY.placement_verdict(DataClass.WATCHLIST, source).allowed
    assert not ID_ONLY.placement_verdict(DataClass.CUSTOMER_PII, source).allowed
