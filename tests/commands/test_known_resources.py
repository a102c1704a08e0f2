"""A replica's source class reaches the pack only from a trusted file: the other stack's plan, as policy config."""

import json
from pathlib import Path

from click.testing import CliRunner

from residency.cli import cli
from residency.gate.preview import PreviewOptions, run_preview, write_plan
from tests.gate.projects import POLICY_PACK
from tests.gate.test_cross_stack import _project


def test_the_other_stacks_classes_become_policy_config_and_let_a_faithful_replica_pass(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    plan = tmp_path / "jakarta.plan.json"
    write_plan(run_preview(PreviewOptions("jakarta", root, POLICY_PACK)), plan)
    config = tmp_path / "known.json"
    out = CliRunner().invoke(cli, ["known-resources", str(plan), "--out", str(config)])
    assert out.exit_code == 0, out.output
    doc = json.loads(config.read_text())
    assert set(doc) == {"restrict-data-class-region", "restrict-cross-region-replication"}
    assert "customer-pii" in doc["restrict-cross-region-replication"]["knownResources"].values()

    # What the real CLI's pack has: the other stack's outputs (the engine resolves the StackReference), not its
    # resources; their classes come only from the config.
    outputs = tmp_path / "jakarta.outputs.json"
    outputs.write_text(json.dumps(json.loads(plan.read_text())["outputs"]))
    given = {"jakarta": outputs}
    assert run_preview(PreviewOptions("singapore", root, POLICY_PACK, stack_outputs=given)).exit_code == 1
    assert run_preview(PreviewOptions("singapore", root, POLICY_PACK, config, stack_outputs=given)).violations == []


def test_without_the_sources_class_the_replica_fails_closed(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    result = run_preview(PreviewOptions("singapore", root, POLICY_PACK))
    assert result.exit_code == 1
    assert any("cannot be verified" in v.message or "most restricted" in v.message for v in result.violations)


def test_an_unreadable_source_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["known-resources", str(tmp_path / "missing.json")])
    assert out.exit_code == 2 and out.output.strip().endswith("file not found")
