"""The id-jkt-1 stack (ID-SG org so replication wiring is exercised too), run once for all component tests."""

import os

import pytest

from residency.facts.resource import ResourceFacts
from tests.gate.projects import SCC
from tests.stacks.helpers import copy_project, run_stack, stack_config


@pytest.fixture(scope="package")
def jakarta(tmp_path_factory: pytest.TempPathFactory) -> list[ResourceFacts]:
    os.environ.setdefault("RESIDENCY_TODAY", "2026-11-27")
    config = stack_config("id-jkt-1")
    # Component tests read the Jakarta side of every collection, webhook delivery included.
    config["residency:collections"] = [
        {k: v for k, v in c.items() if k != "webhookEgressRegion"} for c in config["residency:collections"]
    ]
    root = copy_project(tmp_path_factory.mktemp("components"), {"id-jkt-1": config})
    return run_stack(root, "id-jkt-1")[1]


def one_for(facts: list[ResourceFacts], type_: str, name_part: str) -> ResourceFacts:
    hits = [f for f in facts if f.type == type_ and name_part in f.resource.name]
    assert len(hits) == 1, [f.resource.name for f in hits]
    return hits[0]


__all__ = ["SCC", "one_for"]
