"""The printed IAM policy covers every API call the collectors make, and only read actions."""

import json
from typing import Any

import boto3
from click.testing import CliRunner

from residency.audit.demo_seed import seed
from residency.audit.iam_policy import iam_action, policy_document
from residency.cli import cli
from tests.audit.conftest import audit


def test_every_call_made_is_allowed(aws: boto3.Session) -> None:
    seed(aws, None)
    made: set[tuple[str, str]] = set()

    def record(model: Any, **_: Any) -> None:
        made.add((model.service_model.service_name, model.name))

    aws._session.register("before-call", record)
    result = audit(aws)
    assert result.exit_code in (0, 1)
    statements = policy_document()["Statement"]
    assert isinstance(statements, list)
    allowed = set(statements[0]["Action"])
    assert made, "no call was recorded"
    missing = sorted(iam_action(s, op) for s, op in made if iam_action(s, op) not in allowed)
    assert missing == []


def test_policy_is_read_only_and_printed() -> None:
    out = CliRunner().invoke(cli, ["audit", "--print-iam-policy"])
    assert out.exit_code == 0
    doc = json.loads(out.stdout)
    actions = doc["Statement"][0]["Action"]
    assert doc["Version"] == "2012-10-17" and doc["Statement"][0]["Effect"] == "Allow"
    verbs = ("Describe", "List", "Get")
    assert all(a.split(":", 1)[1].startswith(verbs) for a in actions), actions
    assert "s3:ListAllMyBuckets" in actions and "s3:GetReplicationConfiguration" in actions
