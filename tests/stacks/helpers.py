"""Run the repository's own program (stacks/) on the mock engine with a chosen stack config."""

import shutil
from pathlib import Path
from typing import Any

import yaml

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceFacts
from residency.gate.project import load_project
from residency.gate.resources import to_resource_inputs
from residency.gate.run_program import ProgramRun, run_program
from tests.gate.projects import REPO


def stack_config(stack: str) -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((REPO / f"Pulumi.{stack}.yaml").read_text())["config"]
    return config


def copy_project(root: Path, configs: dict[str, dict[str, Any]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(REPO / name, root / name)
    for stack, config in configs.items():
        (root / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump({"config": config}))
    return root


def run_stack(root: Path, stack: str) -> tuple[ProgramRun, list[ResourceFacts]]:
    project = load_project(root, stack)
    run = run_program(project, timeout=120)
    inputs = to_resource_inputs(run.resources, project.name, stack, project.engine_config())
    return run, build_facts(inputs, project.config, {})


def by_type(facts: list[ResourceFacts], type_: str) -> list[ResourceFacts]:
    return [f for f in facts if f.type == type_]
