"""Baseline-and-mutation machinery for the copy extractors: build the facts, keep the precise edges, compare.

Each test module of this package exposes `BASELINES: dict[str, Baseline]` keyed by the resource type whose
extractor the baseline exercises (a key of `residency.facts.copies.EXTRACTORS`), and a `MUTATIONS` table of
(resource type, resource index, property path, new value, expected edges) applied with `tests.rules.fixtures.mutate`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import CopyEdge, ResourceInput
from residency.facts.values import UNKNOWN_SENTINELS, is_unknown
from residency.model.data_classes import DataClass
from tests.rules.fixtures import STACK_CONFIG, mutate

GENERIC = "reference in "
"""Mechanism prefix of the generic edges `flow_edges` adds from the reference scan; these tables judge extractors."""

JKT_REGION = "ap-southeast-3"
SIN_REGION = "ap-southeast-1"
IAD_REGION = "us-east-1"
ACCOUNT = "123456789012"


@dataclass(frozen=True, slots=True)
class Edge:
    """One expected edge. `problem` is a fragment the edge's problem must contain; None means it has no problem."""

    source: str | None
    destination: str | None
    data_class: DataClass | None
    problem: str | None = None
    open_destination: bool = False
    target: str | None = None
    """Checked only when set."""
    mechanism: str | None = None
    """None: the baseline's mechanism."""


@dataclass(frozen=True, slots=True)
class Baseline:
    """The smallest resources for which the extractor of `resources[index].type` yields known edges."""

    resources: tuple[ResourceInput, ...]
    index: int
    """The resource whose extractor is under test."""
    mechanism: str
    edges: tuple[Edge, ...]

    @property
    def type(self) -> str:
        return self.resources[self.index].type


Mutation = tuple[str, int, tuple[str | int, ...], Any, tuple[Edge, ...]]
"""(resource type of the baseline, index of the resource to change, property path, new value, expected edges)."""


def all_edges(resources: Sequence[ResourceInput], index: int) -> list[CopyEdge]:
    """Every edge of one resource: the extractor's and the generic ones from the reference scan."""
    return build_facts(list(resources), STACK_CONFIG, {})[index].copies


def precise_edges(resources: Sequence[ResourceInput], index: int) -> list[CopyEdge]:
    """The edges the resource type's extractor produced (generic reference edges left out)."""
    return [e for e in all_edges(resources, index) if not e.mechanism.startswith(GENERIC)]


def assert_edges(actual: Sequence[CopyEdge], mechanism: str, expected: Sequence[Edge]) -> None:
    got = [(e.mechanism, e.source_region, e.destination_region, e.data_class, e.open_destination) for e in actual]
    want = [(x.mechanism or mechanism, x.source, x.destination, x.data_class, x.open_destination) for x in expected]
    assert got == want, [e.to_json() for e in actual]
    for edge, wanted in zip(actual, expected, strict=True):
        if wanted.problem is None:
            assert edge.problem is None, edge.problem
        else:
            assert edge.problem is not None and wanted.problem in edge.problem, edge.problem
        if wanted.target is not None:
            assert edge.target == wanted.target, edge.target


def assert_fails_closed(actual: Sequence[CopyEdge]) -> None:
    """What an undeterminable copy should give: at least one edge, each saying what it cannot determine."""
    assert actual, "the copy produced no edge at all: it would go unjudged"
    for edge in actual:
        assert edge.problem is not None, edge.to_json()
        assert edge.source_region not in UNKNOWN_SENTINELS, edge.to_json()
        assert edge.destination_region not in UNKNOWN_SENTINELS, edge.to_json()


def check_baseline(baseline: Baseline) -> None:
    assert_edges(precise_edges(baseline.resources, baseline.index), baseline.mechanism, baseline.edges)


def check_mutation(
    baselines: dict[str, Baseline],
    type_: str,
    index: int,
    path: tuple[str | int, ...],
    value: Any,
    expected: tuple[Edge, ...],
) -> None:
    baseline = baselines[type_]
    mutated = mutate(list(baseline.resources), index, path, value)
    assert_edges(precise_edges(mutated, baseline.index), baseline.mechanism, expected)


def check_suspected(
    baselines: dict[str, Baseline], type_: str, index: int, path: tuple[str | int, ...], value: Any
) -> None:
    baseline = baselines[type_]
    assert_fails_closed(all_edges(mutate(list(baseline.resources), index, path, value), baseline.index))


def suspected(case: str, type_: str, index: int, path: tuple[str | int, ...], value: Any, reason: str) -> Any:
    """A mutation that once failed open (`reason` says how): it must fail closed, with a problem on every edge."""
    return pytest.param(type_, index, path, value, id=case)


def _shown(value: Any) -> str:
    if is_unknown(value):
        return "UNKNOWN"
    return str(value).replace(" ", "")[:48]


def mutation_ids(mutations: Sequence[Mutation]) -> list[str]:
    """Readable test ids: module/type of the baseline, changed resource and path, new value."""
    return [
        f"{type_.split(':')[1]}:[{index}].{'.'.join(map(str, path))}={_shown(value)}"
        for type_, index, path, value, _ in mutations
    ]
