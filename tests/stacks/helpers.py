"""Run the repository's own program (stacks/) on the mock engine with a chosen stack config."""

import shutil
from pathlib import Path
from typing import Any

import yaml

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceFacts
from residency.gate.engine.launcher import ProgramRun, run_program
from residency.gate.engine.resources import to_resource_inputs
from residency.gate.project import load_project
from tests.gate.projects import REPO


def stack_config(stack: str) -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((REPO / f"Pulumi.{stack}.yaml").read_text())["config"]
    return config


def id_only_config() -> dict[str, Any]:
    """The id-jkt-1 config as an ID-only org would write it: no SCC, so no collection may egress to sg-sin-1."""
    config = stack_config("id-jkt-1")
    org = {k: v for k, v in config["residency:org"].items() if k != "scc"}
    collections = [{k: v for k, v in c.items() if k != "webhookEgressRegion"} for c in config["residency:collections"]]
    return {**config, "residency:org": {**org, "dataResidency": "ID-only"}, "residency:collections": collections}


def copy_project(root: Path, configs: dict[str, dict[str, Any]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(REPO / name, root / name)
    for stack, config in configs.items():
        (root / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump({"config": config}))
    return root


def run_stack(
    root: Path, stack: str, references: dict[str, Any] | None = None
) -> tuple[ProgramRun, list[ResourceFacts]]:
    project = load_project(root, stack)
    run = run_program(project, timeout=120, references=references)
    inputs = to_resource_inputs(run.resources, project.name, stack, project.engine_config())
    return run, build_facts(inputs, project.config, {})


def by_type(facts: list[ResourceFacts], type_: str) -> list[ResourceFacts]:
    return [f for f in facts if f.type == type_]
