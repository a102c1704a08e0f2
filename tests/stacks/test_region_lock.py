"""A recording mock over both stacks: every resource lands where its class may live, every store is tagged."""

import pytest

from residency.facts.resource import ResourceFacts
from residency.gate.engine.launcher import run_program
from residency.gate.project import load_project
from residency.model.clock import today
from residency.model.posture import Posture
from residency.model.stack_settings import load_stack_settings
from tests.stacks.helpers import copy_project, run_stack, stack_config


@pytest.fixture(scope="module")
def both_stacks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[ResourceFacts]]:
    import os

    os.environ.setdefault("RESIDENCY_TODAY", "2026-11-27")
    root = copy_project(tmp_path_factory.mktemp("stacks"), {s: stack_config(s) for s in ("id-jkt-1", "sg-sin-1")})
    first = run_stack(root, "id-jkt-1")[0].outputs
    sg = run_program(load_project(root, "sg-sin-1"), 120, {"id-jkt-1": first})
    jakarta, facts = run_stack(root, "id-jkt-1", {"sg-sin-1": sg.outputs})
    return {"id-jkt-1": facts, "sg-sin-1": run_stack(root, "sg-sin-1", {"id-jkt-1": jakarta.outputs})[1]}


@pytest.mark.parametrize("stack", ["id-jkt-1", "sg-sin-1"])
def test_every_data_store_is_tagged_with_a_known_class(both_stacks: dict[str, list[ResourceFacts]], stack: str) -> None:
    stores = [f for f in both_stacks[stack] if f.is_data_store]
    assert stores
    assert [f.resource.name for f in stores if f.data_class is None] == []
    assert {f.tags.get("managed-by", f.tags.get("app.kubernetes.io/managed-by")) for f in stores} == {"residency-iac"}


@pytest.mark.parametrize("stack", ["id-jkt-1", "sg-sin-1"])
def test_every_resource_region_is_allowed_for_its_class(
    both_stacks: dict[str, list[ResourceFacts]], stack: str
) -> None:
    config = stack_config(stack)
    settings = load_stack_settings({k: v for k, v in config.items() if k.startswith("residency:")}, today())
    posture = Posture(settings, today())
    bad = []
    for f in both_stacks[stack]:
        if f.data_class is None or not f.type.startswith("aws:"):
            continue
        assert f.region is not None, f.resource.name
        if not posture.placement_verdict(f.data_class, f.region, settings.collection(f.collection)).allowed:
            bad.append((f.resource.name, f.data_class, f.region))
    assert bad == []


@pytest.mark.parametrize("stack", ["id-jkt-1", "sg-sin-1"])
def test_no_resource_uses_a_default_provider(both_stacks: dict[str, list[ResourceFacts]], stack: str) -> None:
    aws = [f for f in both_stacks[stack] if f.type.startswith("aws:")]
    assert aws and all(f.resource.provider is not None and not f.resource.provider.is_default for f in aws)


def test_jakarta_stack_keeps_everything_in_jakarta_but_the_watchlist_source(
    both_stacks: dict[str, list[ResourceFacts]],
) -> None:
    outside = {(f.data_class, f.region) for f in both_stacks["id-jkt-1"] if f.region not in (None, "ap-southeast-3")}
    assert {c.value for c, _ in outside if c} == {"watchlist"}
    assert {r for _, r in outside} == {"us-east-1"}


def test_replica_stack_never_holds_pinned_classes(both_stacks: dict[str, list[ResourceFacts]]) -> None:
    classes = {f.data_class.value for f in both_stacks["sg-sin-1"] if f.data_class}
    assert classes.isdisjoint({"audit-log", "data-movement-audit", "sar-envelope"})
    assert {f.region for f in both_stacks["sg-sin-1"] if f.type.startswith("aws:")} == {"ap-southeast-1"}


def test_collection_id_only_override_keeps_its_data_out_of_sg(both_stacks: dict[str, list[ResourceFacts]]) -> None:
    assert [f.resource.name for f in both_stacks["sg-sin-1"] if f.collection == "screening"] == []
    assert any(f.collection == "onboarding" for f in both_stacks["sg-sin-1"])


def test_read_replica_points_at_the_jakarta_primary(both_stacks: dict[str, list[ResourceFacts]]) -> None:
    replicas = [f for f in both_stacks["sg-sin-1"] if f.type == "aws:rds/instance:Instance"]
    assert len(replicas) == 1
    source = replicas[0].props["replicateSourceDb"]
    assert source.startswith("arn:aws:rds:ap-southeast-3:") and ":db:onboarding-customer-pii-db-db" in source
