"""The SCP is valid, within the size limit, matches the settings matrix, and names only real IAM actions."""

import json
from typing import Any

import botocore.session
import pytest
from click.testing import CliRunner

from residency.cli import cli
from residency.guardrail.scp import CROSS_REGION_COPY_ACTIONS, SCP_MAX_CHARS, build_scp, render
from residency.model.posture import Posture
from tests.conftest import ID_ONLY, ID_SG, posture

# IAM service prefix -> botocore service name, and IAM actions whose API operation has another name.
SERVICE = {"elasticfilesystem": "efs", "tag": "resourcegroupstaggingapi"}
IAM_ONLY_PREFIXES = {"aws-portal"}  # billing console permissions: an IAM prefix with no API of its own
ALIASES = {
    "s3:PutReplicationConfiguration": "PutBucketReplication",
    "s3:ListAllMyBuckets": "ListBuckets",
    "s3:GetAccountPublicAccessBlock": "GetPublicAccessBlock",
    # A permission-only action: UpdateTable with ReplicaUpdates requires it.
    "dynamodb:CreateTableReplica": "UpdateTable",
}


def _statement(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    statements = doc["Statement"]
    assert isinstance(statements, list)
    found = next(s for s in statements if s["Sid"] == sid)
    assert isinstance(found, dict)
    return found


@pytest.mark.parametrize("settings", [ID_ONLY, ID_SG, posture({"opsTelemetry": True})])
def test_valid_json_within_the_size_limit(settings: Posture) -> None:
    compact = render(settings)
    assert len(compact) <= SCP_MAX_CHARS
    doc = json.loads(compact)
    assert doc["Version"] == "2012-10-17"
    assert all(s["Effect"] == "Deny" and s["Resource"] == "*" for s in doc["Statement"])


def test_id_only_denies_every_copy_and_regions_beyond_jakarta_and_us() -> None:
    doc = build_scp(ID_ONLY)
    region = _statement(doc, "DenyOutsideAllowedRegions")
    assert region["Condition"] == {"StringNotEquals": {"aws:RequestedRegion": ["ap-southeast-3", "us-east-1"]}}
    assert _statement(doc, "DenyCrossRegionCopies")["Action"] == list(CROSS_REGION_COPY_ACTIONS)


def test_id_sg_allows_singapore_and_copies_only_towards_it() -> None:
    doc = build_scp(ID_SG)
    region = _statement(doc, "DenyOutsideAllowedRegions")
    assert region["Condition"]["StringNotEquals"]["aws:RequestedRegion"] == [
        "ap-southeast-1",
        "ap-southeast-3",
        "us-east-1",
    ]
    assert not any(s["Sid"] == "DenyCrossRegionCopies" for s in doc["Statement"])
    assert _statement(doc, "DenyKeyReplicasOutsideSingapore")["Condition"] == {
        "StringNotEquals": {"kms:ReplicaRegion": "ap-southeast-1"}
    }


def test_ops_telemetry_anywhere_drops_the_region_deny() -> None:
    doc = build_scp(posture({"opsTelemetry": True}))
    assert not any(s["Sid"] == "DenyOutsideAllowedRegions" for s in doc["Statement"])


def _real(action: str, loader: botocore.session.Session) -> bool:
    prefix, name = action.split(":", 1)
    if name == "*":
        return prefix in IAM_ONLY_PREFIXES or SERVICE.get(prefix, prefix) in loader.get_available_services()
    operations = loader.get_service_model(SERVICE.get(prefix, prefix)).operation_names
    return ALIASES.get(action, name) in operations


def test_every_named_action_is_a_real_operation() -> None:
    loader = botocore.session.get_session()
    named = [
        a
        for s in build_scp(ID_ONLY)["Statement"] + build_scp(ID_SG)["Statement"]
        for key in ("Action", "NotAction")
        for a in ([s[key]] if isinstance(s.get(key), str) else s.get(key, []))
    ]
    assert named
    assert [a for a in named if not _real(a, loader)] == []


def test_cli_prints_the_compact_policy(tmp_path: object) -> None:
    out = CliRunner().invoke(cli, ["scp"])
    assert out.exit_code == 0
    assert json.loads(out.stdout) == build_scp(ID_ONLY)
    bad = CliRunner().invoke(cli, ["scp", "--settings", "missing.yaml"])
    assert bad.exit_code == 2 and "missing.yaml: file not found" in bad.stderr


def test_exempt_global_services_come_from_the_catalogue() -> None:
    from residency.guardrail.scp import exempt_service, global_service_actions

    actions = global_service_actions()
    assert "iam:*" in actions and "organizations:*" in actions and "sts:*" in actions
    # Route 53 query logs and CloudFront real-time logs ship data: those services stay under the region deny.
    assert "route53:*" not in actions and "cloudfront:*" not in actions
    assert exempt_service(("iam",)) and not exempt_service(("s3",)) and exempt_service(())
