"""Run the programs of several stacks together until every StackReference sees its stack's settled outputs.

A stack's outputs reach another stack only from this run or from an explicit `--stack-outputs` file; nothing is
read from the program directory. Stacks run in name order and a stack is run again when a stack it references
changed its outputs since it last ran, so the order a user names stacks in cannot change any verdict, and a cycle
(id-jkt-1 -> sg-sin-1 -> id-jkt-1) settles in a few rounds.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from residency.gate.engine.launcher import ProgramError, ProgramRun, run_program
from residency.gate.project import Project
from residency.gate.reference_names import match_reference

Progress = Callable[[str], None]


@dataclass(frozen=True)
class SettledRun:
    project: Project
    run: ProgramRun
    unresolved: tuple[str, ...]
    """StackReferences whose outputs came from nowhere (unknown outputs)."""


def _canonical(outputs: Any) -> str:
    return json.dumps(outputs, sort_keys=True, default=str)


def _stale(seen: Mapping[str, str], outputs: Mapping[str, Any]) -> bool:
    """A stack must run again when a stack it references now has outputs other than those it ran with."""
    return any(_canonical(outputs.get(target)) != before for target, before in seen.items())


def run_together(
    projects: Mapping[str, Project],
    explicit: Mapping[str, dict[str, Any]],
    timeout: float,
    progress: Progress = lambda _: None,
) -> dict[str, SettledRun]:
    order = sorted(projects)
    outputs: dict[str, dict[str, Any]] = {}
    runs: dict[str, ProgramRun] = {}
    seen_by: dict[str, dict[str, str]] = {}  # stack -> referenced stack -> the outputs it ran with
    max_rounds = len(order) + 2
    rounds = 0
    while any(s not in runs or _stale(seen_by[s], outputs) for s in order):
        rounds += 1
        if rounds > max_rounds:
            unsettled = [s for s in order if _stale(seen_by[s], outputs)]
            raise ProgramError(
                f"the outputs of stacks {', '.join(unsettled)} did not settle after {max_rounds} rounds: each run "
                "changes what another reads (an output that embeds a timestamp or a random value?)"
            )
        for stack in order:
            if stack in runs and not _stale(seen_by[stack], outputs):
                continue
            project = projects[stack]
            references = {**explicit, **{s: o for s, o in outputs.items() if s != stack}}
            suffix = f", round {rounds}" if rounds > 1 else ""
            progress(f"running {project.name} ({stack}) on the mock engine{suffix}")
            run = run_program(project, timeout, references)
            runs[stack] = run
            seen_by[stack] = {
                target: _canonical(outputs.get(target))
                for ref in run.referenced
                if (target := match_reference(ref, projects.keys(), project.name)) not in (None, stack)
            }
            outputs[stack] = run.outputs
    settled = {}
    for stack in order:
        project = projects[stack]
        available = set(explicit) | {s for s in outputs if s != stack}
        unresolved = tuple(r for r in runs[stack].referenced if match_reference(r, available, project.name) is None)
        settled[stack] = SettledRun(project, runs[stack], unresolved)
    return settled
