"""A cross-region read replica is seen from its source too: an audit of Jakarta alone still finds the copy that
leaves it, as it does for S3 replication, table replicas, secret replicas and backup copy actions."""

import boto3
import pytest

from residency.audit.collectors.base import MalformedAnswerError
from residency.audit.collectors.rds_replicas import replicas_elsewhere
from tests.audit.conftest import JKT, SIN, audit, db_instance

REPLICA = f"arn:aws:rds:{SIN}:123456789012:db:kyc-replica"


def _replicated(aws: boto3.Session) -> None:
    db_instance(aws, JKT, "kyc", "customer-pii")
    aws.client("rds", region_name=SIN).create_db_instance_read_replica(
        DBInstanceIdentifier="kyc-replica", SourceDBInstanceIdentifier=f"arn:aws:rds:{JKT}:123456789012:db:kyc"
    )


def test_an_audit_of_jakarta_alone_finds_the_replica_that_leaves_it(aws: boto3.Session) -> None:
    _replicated(aws)
    result = audit(aws, regions=[JKT])
    copies = [f for f in result.findings if f.policy == "restrict-cross-region-replication" and f.urn == REPLICA]
    # before: nothing; the primary's own description names the replica, but only the replica's region was trusted
    assert copies and "RDS read replica" in copies[0].message and "ap-southeast-1" in copies[0].message
    assert result.exit_code == 3  # a store in a region this audit did not read: never clean
    assert any(REPLICA in n and "region is not audited" in n for n in result.notes)
    # its own settings were never read: no protection finding, and no "no data-class tag" nobody checked
    assert {f.policy for f in result.findings if f.urn == REPLICA} == {
        "restrict-data-class-region",
        "restrict-cross-region-replication",
    }


def test_the_replica_is_judged_once_when_its_region_is_audited(aws: boto3.Session) -> None:
    _replicated(aws)
    result = audit(aws, regions=[JKT, SIN])
    assert [r.outputs["region"] for r in result.resources if r.urn == REPLICA] == [SIN]
    assert not result.unevaluated and result.exit_code == 1


@pytest.mark.parametrize("ref", [None, 7, "", ["x"]])
def test_a_replica_named_by_something_that_is_not_text_fails_the_read(ref: object) -> None:
    answer = {"ReadReplicaDBInstanceIdentifiers": [ref]}
    with pytest.raises(MalformedAnswerError, match="names a read replica"):
        replicas_elsewhere(answer, f"arn:aws:rds:{JKT}:123456789012:db:kyc", JKT, {})
