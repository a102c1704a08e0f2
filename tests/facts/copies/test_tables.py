"""Every copy mechanism the pack knows has a baseline in these tables, in the module of its extractor; the
baselines, mutations and fail-closed cases of every module run here, once."""

from types import ModuleType
from typing import Any

import pytest

from residency.facts.copies import EXTRACTORS, databases, keys, messaging, storage
from tests.facts.copies import test_databases, test_keys, test_messaging, test_storage
from tests.facts.copies.tables import (
    Baseline,
    Edge,
    Mutation,
    check_baseline,
    check_mutation,
    check_suspected,
    mutation_ids,
)

PAIRS: list[tuple[ModuleType, ModuleType]] = [
    (storage, test_storage),
    (databases, test_databases),
    (messaging, test_messaging),
    (keys, test_keys),
]


def _baselines(test_module: ModuleType) -> dict[str, Baseline]:
    baselines: dict[str, Baseline] = test_module.BASELINES
    return baselines


def test_every_extractor_has_a_baseline() -> None:
    covered = [t for _, test_module in PAIRS for t in _baselines(test_module)]
    assert len(covered) == len(set(covered)), "a resource type has baselines in two modules"
    assert set(covered) == set(EXTRACTORS)


@pytest.mark.parametrize(("source", "tests"), PAIRS, ids=[s.__name__.rsplit(".", 1)[-1] for s, _ in PAIRS])
def test_each_module_covers_exactly_its_own_extractors(source: ModuleType, tests: ModuleType) -> None:
    assert set(_baselines(tests)) == set(source.EXTRACTORS)


@pytest.mark.parametrize("type_", sorted(EXTRACTORS))
def test_each_baseline_exercises_its_type_and_expects_an_edge(type_: str) -> None:
    baseline = next((_baselines(m)[type_] for _, m in PAIRS if type_ in _baselines(m)), None)
    assert baseline is not None, f"{type_} has no baseline"
    assert baseline.type == type_
    assert baseline.edges, "a baseline must yield at least one known edge"
    assert all(e.problem is None for e in baseline.edges), "a baseline's edges are fully determined"


@pytest.mark.parametrize("tests", [m for _, m in PAIRS], ids=[m.__name__.rsplit(".", 1)[-1] for _, m in PAIRS])
def test_every_baseline_is_mutated(tests: ModuleType) -> None:
    mutated = {type_ for type_, *_ in tests.MUTATIONS}
    assert mutated == set(_baselines(tests))


BASELINES: dict[str, Baseline] = {t: b for _, m in PAIRS for t, b in _baselines(m).items()}
MUTATIONS: list[Mutation] = [mutation for _, m in PAIRS for mutation in m.MUTATIONS]
UNDETERMINABLE: list[Any] = [case for _, m in PAIRS for case in getattr(m, "SUSPECTED", [])]


@pytest.mark.parametrize("type_", sorted(BASELINES))
def test_baseline(type_: str) -> None:
    check_baseline(BASELINES[type_])


@pytest.mark.parametrize(("type_", "index", "path", "value", "expected"), MUTATIONS, ids=mutation_ids(MUTATIONS))
def test_mutation(type_: str, index: int, path: tuple[str | int, ...], value: Any, expected: tuple[Edge, ...]) -> None:
    check_mutation(BASELINES, type_, index, path, value, expected)


@pytest.mark.parametrize(("type_", "index", "path", "value"), UNDETERMINABLE)
def test_undeterminable_copy_fails_closed(type_: str, index: int, path: tuple[str | int, ...], value: Any) -> None:
    check_suspected(BASELINES, type_, index, path, value)
