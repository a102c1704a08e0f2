"""The checked-in catalogue covers every installed provider type and is exactly what the generator writes."""

from functools import cache

import pytest

from residency.catalogue.discover import TypeInfo, installed_types
from residency.catalogue.flows import COPIED_STORES, FLOWS, PARTS
from residency.catalogue.generate import render
from residency.model.catalogue import CATALOGUE_PATH, Role, catalogue_versions, catalogued_types, entry_for


@cache
def installed() -> dict[str, TypeInfo]:
    return {**installed_types("pulumi_aws"), **installed_types("pulumi_kubernetes")}


def test_every_installed_type_is_catalogued() -> None:
    """A provider upgrade that brings a new type fails here until someone decides its role."""
    missing = sorted(set(installed()) - catalogued_types())
    assert not missing, f"{len(missing)} types lack a role, e.g. {missing[:5]}: run python -m residency.catalogue"
    assert sum(t.startswith("aws:") for t in installed()) > 1700


def test_catalogue_is_what_the_generator_writes() -> None:
    assert CATALOGUE_PATH.read_text(encoding="utf-8") == render(), "run python -m residency.catalogue and review"


def test_catalogue_names_the_provider_versions_it_was_reviewed_against() -> None:
    from importlib.metadata import version

    assert catalogue_versions() == {
        "pulumi_aws": version("pulumi-aws"),
        "pulumi_kubernetes": version("pulumi-kubernetes"),
    }


def test_every_control_entry_says_why_it_holds_no_customer_data() -> None:
    for token in catalogued_types():
        entry = entry_for(token)
        assert entry.role is not Role.OPAQUE
        if entry.role is Role.CONTROL:
            assert len(entry.why) >= 15, token


@pytest.mark.parametrize("table", [FLOWS, PARTS, COPIED_STORES], ids=["flows", "parts", "copied-stores"])
def test_flow_tables_name_real_types_and_input_properties(table: dict[str, object]) -> None:
    types = installed()
    for token, spec in table.items():
        assert token in types, token
        paths: list[str] = []
        if isinstance(spec, str):
            paths = [spec]
        elif table is FLOWS:
            assert isinstance(spec, tuple)  # (sources, destinations)
            paths = [*spec[0], *spec[1]]
        else:
            assert isinstance(spec, tuple)
            paths = list(spec)
        for path in paths:
            assert path.split(".")[0] in types[token].inputs, f"{token}: {path}"


def test_movers_with_declared_flows_are_movers_or_copying_stores() -> None:
    for token in FLOWS:
        assert entry_for(token).role in (Role.MOVER, Role.PROCESSOR, Role.GLOBAL), token
    for token in PARTS:
        entry = entry_for(token)
        assert entry.role is Role.STORE and entry.part_of and not entry.needs_tag, token


def test_carried_classes_are_real_classes_of_reviewed_types() -> None:
    from residency.catalogue.aws_roles import CARRIED_CLASS
    from residency.model.data_classes import parse_data_class

    for short, (data_class, why) in CARRIED_CLASS.items():
        module, name = short.split("/")
        token = next(t for t in installed() if t.startswith(f"aws:{module}/") and t.endswith(f":{name}"))
        assert parse_data_class(data_class) is not None and entry_for(token).carries == data_class and why


@pytest.mark.parametrize(
    "token",
    [
        "aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion",
        "aws:ssm/parameter:Parameter",
        "aws:secretsmanager/secret:Secret",
        "aws:secretsmanager/secretVersion:SecretVersion",
        "aws:lambda/layerVersion:LayerVersion",
    ],
)
def test_types_that_hold_whatever_content_the_program_gives_them_are_stores(token: str) -> None:
    assert entry_for(token).role is Role.STORE
