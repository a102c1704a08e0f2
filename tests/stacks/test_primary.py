"""The primary stack checks the replica stack's `replicaTargets` output instead of failing inside Python."""

import pytest

from residency.model.errors import ResidencyConfigError
from stacks.primary import _replica_target


def test_replica_targets_that_are_not_a_mapping_name_the_output() -> None:
    with pytest.raises(ResidencyConfigError, match=r"^stack output replicaTargets: must be a mapping of .*'not-a-map'"):
        _replica_target("not-a-map", "onboarding/customer-pii/docs")


def test_a_replica_target_that_is_not_arns_names_the_entry() -> None:
    with pytest.raises(ResidencyConfigError, match=r"replicaTargets\.k: must be \{bucketArn, keyArn\} strings"):
        _replica_target({"k": ["arn"]}, "k")
    assert _replica_target(None, "k") == {}
    assert _replica_target({"k": {"bucketArn": "a", "keyArn": "b"}}, "k") == {"bucketArn": "a", "keyArn": "b"}
