"""The sg-sin-1 stack refuses an ID-only org; under ID-SG, Jakarta wires outbound replication once SG exists."""

import json
from pathlib import Path
from typing import Any

import pytest

from residency.facts.values import reveal
from residency.gate.engine.launcher import ProgramError, run_program
from residency.gate.project import load_project
from tests.components.test_bucket_replication import expected_grants
from tests.gate.projects import SCC
from tests.stacks.helpers import by_type, copy_project, id_only_config, run_stack, stack_config


def _with_org(stack: str, org: dict[str, Any]) -> dict[str, Any]:
    return {**stack_config(stack), "residency:org": org}


def test_sg_stack_refuses_an_id_only_org(tmp_path: Path) -> None:
    config = {**id_only_config(), "aws:region": "ap-southeast-1"}
    root = copy_project(tmp_path, {"sg-sin-1": config})
    with pytest.raises(ProgramError) as err:
        run_program(load_project(root, "sg-sin-1"), timeout=60)
    assert str(err.value) == (
        "program: residency:org.dataResidency: the sg-sin-1 stack deploys only for dataResidency ID-SG with an SCC "
        "covering sg-sin-1 (the org is dataResidency ID-only)"
    )


def test_bad_config_fails_before_any_resource_registers(tmp_path: Path) -> None:
    root = copy_project(tmp_path, {"id-jkt-1": _with_org("id-jkt-1", {"dataResidency": "ID-SG"})})
    with pytest.raises(ProgramError, match=r"residency:org.scc: dataResidency ID-SG requires an scc"):
        run_program(load_project(root, "id-jkt-1"), timeout=60)


def test_unknown_stack_region_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path, {"eu": {**stack_config("id-jkt-1"), "aws:region": "eu-west-1"}})
    with pytest.raises(ProgramError, match=r"aws:region: 'eu-west-1' is not a region this project deploys to"):
        run_program(load_project(root, "eu"), timeout=60)


def test_jakarta_declares_outbound_replication_and_takes_only_arns_from_sg_sin_1(tmp_path: Path) -> None:
    org = {"dataResidency": "ID-SG", "scc": SCC}
    root = copy_project(tmp_path, {"id-jkt-1": _with_org("id-jkt-1", org), "sg-sin-1": stack_config("sg-sin-1")})
    outputs: dict[str, Any] = {}

    def run(stack: str) -> list[Any]:
        result, facts = run_stack(root, stack, outputs)
        outputs[stack] = result.outputs
        return facts

    def outbound(facts: list[Any]) -> list[Any]:
        return [
            f
            for f in by_type(facts, "aws:s3/bucketReplicationConfig:BucketReplicationConfig")
            if f.resource.name.endswith("-to-sg-sin-1")
        ]

    expected = [
        "onboarding-biometric-bucket-to-sg-sin-1",
        "onboarding-source-document-bucket-to-sg-sin-1",
        "reporting-analytics-bucket-to-sg-sin-1",
    ]
    first = outbound(run("id-jkt-1"))  # sg-sin-1 has no outputs yet: declared anyway, destination unknown
    assert sorted(f.resource.name for f in first) == expected
    assert all(edge.problem for f in first for edge in f.copies)  # fails closed, never dropped
    run("sg-sin-1")
    facts = run("id-jkt-1")
    second = outbound(facts)
    assert sorted(f.resource.name for f in second) == expected
    for f in second:
        [edge] = f.copies
        assert edge.destination_region == "ap-southeast-1" and edge.problem is None
        assert edge.data_class is not None and edge.data_class.value in {"biometric", "source-document", "analytics"}
    policies = {
        f.resource.name: json.loads(reveal(f.props["policy"])) for f in by_type(facts, "aws:iam/rolePolicy:RolePolicy")
    }
    for f in second:
        rule = f.props["rules"][0]
        dst_arn, dst_key = (
            rule["destination"]["bucket"],
            rule["destination"]["encryptionConfiguration"]["replicaKmsKeyId"],
        )
        grants = {(a, s["Resource"]) for s in policies[f"{f.resource.name}-policy"]["Statement"] for a in s["Action"]}
        src_arn = f"arn:aws:s3:::{reveal(f.props['bucket'])}"
        src_key = next(r for a, r in grants if a == "kms:Decrypt")
        assert dst_arn.startswith("arn:aws:s3:::") and ":ap-southeast-1:" in dst_key and ":ap-southeast-3:" in src_key
        assert grants == expected_grants(src_arn, dst_arn, src_key, dst_key, deletes=True)


def test_require_sink_region_needs_the_dashboard(tmp_path: Path) -> None:
    config = {k: v for k, v in stack_config("id-jkt-1").items() if k != "residency:dashboard"}
    root = copy_project(tmp_path, {"id-jkt-1": config})
    with pytest.raises(ProgramError) as err:
        run_program(load_project(root, "id-jkt-1"), timeout=60)
    assert str(err.value) == (
        "program: residency:dashboard.loadBalancerArn: is required when "
        "residency:org.requireSinkRegion is ID (the export guard is attached to the dashboard's "
        "load balancer)"
    )


def test_cluster_arn_must_be_in_the_stack_region(tmp_path: Path) -> None:
    config = {
        **stack_config("id-jkt-1"),
        "residency:kubernetes": {"id-jkt-1": {"clusterArn": "arn:aws:eks:ap-southeast-1:111122223333:cluster/kyc"}},
    }
    root = copy_project(tmp_path, {"id-jkt-1": config})
    with pytest.raises(
        ProgramError,
        match=r"residency:kubernetes.id-jkt-1.clusterArn: names a cluster in "
        r"ap-southeast-1, not ap-southeast-3",
    ):
        run_program(load_project(root, "id-jkt-1"), timeout=60)


def test_guardrail_deploys_the_scp_derived_from_the_settings(tmp_path: Path) -> None:
    from residency.guardrail.scp import render
    from tests.conftest import ID_ONLY

    config = {**id_only_config(), "residency:guardrail": {"targetId": "ou-ab12-cd34ef56"}}
    root = copy_project(tmp_path, {"id-jkt-1": config})
    _, facts = run_stack(root, "id-jkt-1")
    [policy] = by_type(facts, "aws:organizations/policy:Policy")
    assert policy.props["type"] == "SERVICE_CONTROL_POLICY" and policy.props["content"] == render(ID_ONLY)
    [attachment] = by_type(facts, "aws:organizations/policyAttachment:PolicyAttachment")
    assert attachment.props["targetId"] == "ou-ab12-cd34ef56"
