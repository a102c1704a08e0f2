"""The offline preview: run the program on the mock engine, serve the pack like the engine, collect the verdict."""

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceInput
from residency.facts.values import reveal
from residency.files import write_atomically
from residency.gate.analyzer_client import PackServer
from residency.gate.cross_stack import known_classes, other_stack_resources, relabelled_replicas, with_known_resources
from residency.gate.policy_config import read_policy_config_file, resolve_policy_config
from residency.gate.project import Project, load_project
from residency.gate.resources import to_resource_inputs
from residency.gate.result import GateResult, ResourceRow, Violation
from residency.gate.rows import rows_from_facts
from residency.gate.run_program import STATE_DIR, run_program, save_outputs
from residency.model.data_classes import DataClass

Progress = Callable[[str], None]


@dataclass(frozen=True)
class PreviewOptions:
    stack: str
    cwd: Path = Path(".")
    policy_pack: Path | None = None
    policy_pack_config: Path | None = None
    timeout: float = 300.0


def _settings_summary(project: Project) -> dict[str, Any]:
    return {k: reveal(v) for k, v in project.config.items() if k.startswith(("residency:", "aws:region"))}


def _rows(
    records: list[dict[str, Any]], project: Project, known: dict[str, str]
) -> tuple[list[ResourceRow], list[ResourceInput]]:
    inputs = to_resource_inputs(records, project.name, project.stack, project.engine_config())
    facts = build_facts(inputs, project.config, {}, {k: DataClass(v) for k, v in known.items()})
    return rows_from_facts(facts, {r["urn"]: r.get("outputs", {}).get("arn") for r in records}), inputs


def run_preview(opts: PreviewOptions, progress: Progress = lambda _: None) -> GateResult:
    project = load_project(opts.cwd, opts.stack)
    progress(f"running {project.name} ({project.stack}) on the mock engine")
    run = run_program(project, opts.timeout)
    progress(f"{len(run.resources)} resources registered; serving the policy pack")
    others = other_stack_resources(project.directory, project.stack)
    known = known_classes(others)
    rows, inputs = _rows(run.resources, project, known)
    pack_dir = opts.policy_pack or project.directory / "policy"
    config = project.engine_config()
    env = {
        "PULUMI_CONFIG": json.dumps(config),
        "PULUMI_PROJECT": project.name,
        "PULUMI_STACK": project.stack,
        "PULUMI_DRY_RUN": "true",
        "PULUMI_ORGANIZATION": "organization",
        "PULUMI_CONFIG_SECRET_KEYS": json.dumps(list(project.secret_keys)),
    }
    raw_config = read_policy_config_file(opts.policy_pack_config) if opts.policy_pack_config else {}
    with PackServer(pack_dir, env) as pack:
        name, policies = pack.info()
        resolved = resolve_policy_config(raw_config, policies, str(opts.policy_pack_config or "policy pack config"))
        resolved = with_known_resources(resolved, known)
        pack.handshake(project.directory)
        pack.configure(resolved)
        pack.configure_stack(project.name, project.stack, config, project.secret_keys)
        diagnostics = []
        for index, res in enumerate(inputs, 1):
            # The engine attributes a resource policy's diagnostics to the resource it analyzed.
            diagnostics += [replace(d, urn=d.urn or res.urn) for d in pack.analyze(res)]
            if index % 500 == 0:
                progress(f"analyzed {index}/{len(inputs)} resources")
        diagnostics += pack.analyze_stack(inputs)
    violations = [Violation(d.policy, d.level, d.urn, d.message) for d in diagnostics]
    violations += relabelled_replicas(rows, others)
    result = GateResult(
        project.name,
        project.stack,
        name,
        _settings_summary(project),
        rows,
        violations,
        run.notes,
        run.outputs,
        [p.name for p in policies],
    )
    save_outputs(project, run.outputs, [r.to_plan() for r in rows])
    return result


def write_plan(result: GateResult, path: Path) -> None:
    """Atomically: a reader never sees half a plan."""
    write_atomically(path, json.dumps(result.to_plan(), indent=1, default=str))


__all__ = ["STATE_DIR", "PreviewOptions", "run_preview", "write_plan"]
