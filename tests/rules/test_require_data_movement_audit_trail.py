from residency.rules.require_data_movement_audit_trail import RULE
from tests.conftest import ID_SG
from tests.rules.fixtures import SIN, log_group, res, run, tags

REPLICATED_TABLE = res(
    "aws:dynamodb/table:Table", "t", {"tags": tags(), "replicas": [{"regionName": "ap-southeast-1"}]}
)
TRAIL = log_group("trail", data_class="data-movement-audit", days=3653)


def test_cross_border_copy_with_trail_passes() -> None:
    assert run(RULE, [REPLICATED_TABLE, TRAIL], ID_SG) == []


def test_cross_border_copy_without_trail_fails() -> None:
    messages = run(RULE, [REPLICATED_TABLE], ID_SG)
    assert len(messages) == 1 and "no store of class data-movement-audit" in messages[0]


def test_no_copy_no_trail_needed() -> None:
    assert run(RULE, [res("aws:dynamodb/table:Table", "t", {"tags": tags()})]) == []


def test_replica_pulled_from_another_stack_is_logged_by_the_source_stack() -> None:
    replica = res(
        "aws:rds/instance:Instance",
        "r",
        {"replicateSourceDb": "arn:aws:rds:ap-southeast-3:1:db:src", "tags": tags()},
        SIN,
    )
    assert run(RULE, [replica], ID_SG) == []
