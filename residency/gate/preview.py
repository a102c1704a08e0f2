"""The offline preview: run the programs on the mock engine, serve the pack like the engine, collect the verdicts."""

import json
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceInput
from residency.facts.values import reveal
from residency.files import write_atomically
from residency.gate.analyzer_client import PolicyInfo
from residency.gate.cross_stack import relabelled_replicas, rows_by_arn, with_known_resources
from residency.gate.engine.resources import to_resource_inputs
from residency.gate.locations import config_key_lines, project_dir_in_repository
from residency.gate.pack_location import locate_pack
from residency.gate.pack_pool import serving
from residency.gate.policy_config import read_policy_config_file, resolve_policy_config, weakened_core_policies
from residency.gate.posture_agreement import disagreements
from residency.gate.project import Project, load_project
from residency.gate.rows import rows_from_facts
from residency.gate.stack_outputs import StackOutputs, read_stack_outputs
from residency.gate.stack_set import SettledRun, run_together
from residency.gate.unresolved import explain_unresolved
from residency.gate.waivers import restore_waived
from residency.model.data_classes import DataClass
from residency.model.findings import Finding
from residency.pack import CONFIG_FILE_ENV
from residency.report import Report, ResourceRow

Progress = Callable[[str], None]
ENV_CONFIG_LIMIT = 64 * 1024
"""Above this the stack config goes to the pack in a file: one environment string may hold at most 128 KiB."""


@dataclass(frozen=True)
class PreviewOptions:
    stack: str | tuple[str, ...]
    """One stack, or several previewed together (their StackReferences see each other's outputs)."""
    cwd: Path = Path(".")
    policy_pack: Path | None = None
    policy_pack_config: Path | None = None
    timeout: float = 300.0
    stack_outputs: Mapping[str, Path] = field(default_factory=dict)
    """Stack name -> a trusted `pulumi stack output --json` / `pulumi stack export` file."""

    @property
    def stacks(self) -> tuple[str, ...]:
        names = (self.stack,) if isinstance(self.stack, str) else self.stack
        return tuple(dict.fromkeys(names))


def _settings_summary(project: Project) -> dict[str, Any]:
    return {k: reveal(v) for k, v in project.config.items() if k.startswith(("residency:", "aws:region"))}


def _source(record: Mapping[str, Any], project: Project) -> str | None:
    position = record.get("source")
    if not isinstance(position, dict) or not position.get("file"):
        return None
    path = Path(str(position["file"]))
    if not path.is_absolute() or not path.is_relative_to(project.directory):
        return None
    return f"{path.relative_to(project.directory)}:{position.get('line', 0)}"


def _rows(
    records: list[dict[str, Any]], project: Project, known: Mapping[str, str]
) -> tuple[list[ResourceRow], list[ResourceInput]]:
    inputs = to_resource_inputs(records, project.name, project.stack, project.engine_config())
    facts = build_facts(inputs, project.config, {}, {k: DataClass(v) for k, v in known.items()})
    rows = rows_from_facts(facts, {r["urn"]: r.get("outputs", {}).get("arn") for r in records})
    sources = {r["urn"]: _source(r, project) for r in records}
    created = _created_at(records, sources)
    return [replace(row, source=sources.get(row.urn), created_at=created.get(row.urn)) for row in rows], inputs


def _created_at(records: list[dict[str, Any]], sources: Mapping[str, str | None]) -> dict[str, str | None]:
    """The user's line behind each resource: for a component's child, the line that created the outermost component
    (the component's own frames are library code the pull request did not touch)."""
    by_urn = {r["urn"]: r for r in records}
    out: dict[str, str | None] = {}
    for record in records:
        origin, parent = record["urn"], record.get("parent")
        seen = {origin}
        while parent in by_urn and parent not in seen:
            above = by_urn[parent]
            if above.get("custom") or above["type"] == "pulumi:pulumi:Stack":
                break
            seen.add(parent)
            origin, parent = parent, above.get("parent")
        out[record["urn"]] = sources.get(origin) or sources.get(record["urn"])
    return out


@dataclass(frozen=True)
class _Analysis:
    pack: str
    policies: list[PolicyInfo]
    levels: dict[str, str]
    violations: list[Finding]


@contextmanager
def _pack_env(project: Project) -> Iterator[dict[str, str]]:
    """The environment the engine gives a pack; a stack config too large for one environment string goes in a file."""
    env = {
        "PULUMI_PROJECT": project.name,
        "PULUMI_STACK": project.stack,
        "PULUMI_DRY_RUN": "true",
        "PULUMI_ORGANIZATION": "organization",
        "PULUMI_CONFIG_SECRET_KEYS": json.dumps(list(project.secret_keys)),
    }
    text = json.dumps(project.engine_config())
    with tempfile.TemporaryDirectory(prefix="residency-pack-") as tmp:
        if len(text.encode()) <= ENV_CONFIG_LIMIT:
            env["PULUMI_CONFIG"] = text
        else:
            path = Path(tmp) / "config.json"
            path.write_text(text, encoding="utf-8")
            env[CONFIG_FILE_ENV] = str(path)
        yield env


def _analyze(
    project: Project,
    inputs: list[ResourceInput],
    pack_dir: Path,
    raw_config: dict[str, Any],
    config_source: str,
    known: Mapping[str, str],
    timeout: float,
    progress: Progress,
) -> _Analysis:
    with _pack_env(project) as env, serving(pack_dir, env, timeout) as pack:
        name, policies = pack.info()
        resolved = resolve_policy_config(raw_config, policies, config_source)
        pack.handshake(project.directory)
        pack.configure(with_known_resources(resolved, dict(known)))
        pack.configure_stack(project.name, project.stack, project.engine_config(), project.secret_keys)
        diagnostics = []
        for index, res in enumerate(inputs, 1):
            # The engine attributes a resource policy's diagnostics to the resource it analyzed.
            diagnostics += [replace(d, urn=d.urn or res.urn) for d in pack.analyze(res)]
            if index % 500 == 0:
                progress(f"analyzed {index}/{len(inputs)} resources of {project.stack}")
        diagnostics += pack.analyze_stack(inputs)
    return _Analysis(name, policies, {p: level for p, (level, _) in resolved.items()}, diagnostics)


def _explicit_outputs(opts: PreviewOptions) -> dict[str, StackOutputs]:
    return {name: read_stack_outputs(name, path) for name, path in sorted(opts.stack_outputs.items())}


def run_previews(opts: PreviewOptions, progress: Progress = lambda _: None) -> list[Report]:
    """Preview every named stack together; results in the order the stacks were named."""
    projects = {stack: load_project(opts.cwd, stack) for stack in opts.stacks}
    explicit = _explicit_outputs(opts)
    raw_config = read_policy_config_file(opts.policy_pack_config) if opts.policy_pack_config else {}
    config_source = str(opts.policy_pack_config or "policy pack config")
    first = projects[opts.stacks[0]]
    pack_dir, pack_origin = locate_pack(opts.policy_pack, first.directory)
    progress(f"policy pack: {pack_dir} ({pack_origin})")
    settled = run_together(projects, {n: o.outputs for n, o in explicit.items()}, opts.timeout, progress)

    explicit_known = {arn: c for o in explicit.values() for arn, c in o.known_classes.items()}
    known_rows: dict[str, dict[str, ResourceRow]] = {}
    first_pass: dict[str, tuple[list[ResourceRow], list[ResourceInput]]] = {}
    for stack, run in settled.items():
        first_pass[stack] = _rows(run.run.resources, run.project, explicit_known)
        known_rows[stack] = {row.arn: row for row in first_pass[stack][0] if row.arn}

    disagreeing = disagreements(projects)
    results = []
    for stack in opts.stacks:
        run = settled[stack]
        others = rows_by_arn({s: r for s, r in known_rows.items() if s != stack})
        known = {**explicit_known, **{arn: row["dataClass"] for arn, row in others.items() if row.get("dataClass")}}
        # Facts are built again only when other stacks previewed here add classes this stack may receive.
        rows, inputs = first_pass[stack] if known == explicit_known else _rows(run.run.resources, run.project, known)
        progress(f"{len(inputs)} resources of {stack} registered; serving the policy pack")
        analysis = _analyze(run.project, inputs, pack_dir, raw_config, config_source, known, opts.timeout, progress)
        waived = restore_waived(analysis.violations, run.project.engine_config(), analysis.levels)
        violations = waived + relabelled_replicas(rows, others) + disagreeing[stack]
        violations = explain_unresolved(violations, run)
        results.append(
            Report(
                run.project.name,
                stack,
                analysis.pack,
                _settings_summary(run.project),
                rows,
                sorted(violations, key=Finding.sort_key),
                _notes(run, explicit),
                run.run.outputs,
                [p.name for p in analysis.policies],
                policy_levels=analysis.levels,
                weakened_policies=weakened_core_policies(analysis.levels, analysis.policies),
                pack_location=_shown_location(pack_dir, pack_origin, run.project.directory),
                stacks_together=[s for s in opts.stacks if s != stack],
                project_dir=project_dir_in_repository(run.project.directory),
                stack_file=_stack_file(run.project),
                config_lines=config_key_lines(run.project.stack_file) if run.project.stack_file else {},
            )
        )
    return results


def _stack_file(project: Project) -> str | None:
    path = project.stack_file
    if path is None:
        return None
    resolved = path.resolve()
    base = project.directory.resolve()
    return resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else path.name


def _shown_location(pack_dir: Path, origin: str, project_dir: Path) -> str:
    where = pack_dir.relative_to(project_dir) if pack_dir.is_relative_to(project_dir) else pack_dir
    return f"{where} ({origin})"


def _notes(run: SettledRun, explicit: Mapping[str, StackOutputs]) -> list[str]:
    notes = list(run.run.notes)
    for name, outputs in explicit.items():
        if any(name == ref or name == ref.rsplit("/", 1)[-1] for ref in run.run.referenced):
            notes.append(f"StackReference {name}: outputs read from {outputs.source}")
    return sorted(set(notes))


def run_preview(opts: PreviewOptions, progress: Progress = lambda _: None) -> Report:
    """One stack (the first named); the others of `opts.stack` only provide outputs and classes."""
    return run_previews(opts, progress)[0]


def write_plan(result: Report, path: Path) -> None:
    """Atomically: a reader never sees half a plan."""
    write_atomically(path, json.dumps(result.to_plan(), indent=1, default=str))


__all__ = ["PreviewOptions", "run_preview", "run_previews", "write_plan"]
