"""Turn the recorded registrations into what the engine hands analyzers: resources with resolved providers."""

import json
from collections.abc import Mapping
from typing import Any

from residency.facts.resource import ProviderInput, ResourceInput

DEFAULT_PROVIDER_NAME = "default"


def _config_value(value: str) -> Any:
    try:
        return json.loads(value)
    except (TypeError, json.JSONDecodeError):
        return value


def default_provider(package: str, project: str, stack: str, config: Mapping[str, str]) -> ProviderInput:
    """The engine's default provider for a package: configured from the stack's `<package>:` keys."""
    prefix = f"{package}:"
    props = {k[len(prefix) :]: _config_value(v) for k, v in config.items() if k.startswith(prefix)}
    urn = f"urn:pulumi:{stack}::{project}::pulumi:providers:{package}::{DEFAULT_PROVIDER_NAME}"
    return ProviderInput(f"pulumi:providers:{package}", urn, DEFAULT_PROVIDER_NAME, props)


def to_resource_inputs(
    records: list[dict[str, Any]], project: str, stack: str, config: Mapping[str, str]
) -> list[ResourceInput]:
    providers = {
        f"{r['urn']}::{r['id']}": ProviderInput(r["type"], r["urn"], r["name"], r["inputs"])
        for r in records
        if r["type"].startswith("pulumi:providers:")
    }
    defaults: dict[str, ProviderInput] = {}
    out = []
    for r in records:
        provider = None
        # A remote component (a multi-language one: helm v4 Chart, yaml/v2, awsx, eks) is constructed by its
        # provider, and the engine hands analyzers that provider exactly as for a custom resource.
        if (r["custom"] or r.get("remote")) and not r["type"].startswith("pulumi:"):
            ref = r.get("provider")
            if ref and ref in providers:
                provider = providers[ref]
            else:
                package = r["type"].split(":", 1)[0]
                if package not in defaults:
                    defaults[package] = default_provider(package, project, stack, config)
                provider = defaults[package]
        out.append(
            ResourceInput(
                urn=r["urn"],
                type=r["type"],
                name=r["name"],
                props=r["inputs"],
                provider=provider,
                parent=r.get("parent"),
                dependencies=tuple(r.get("dependencies", ())),
                property_dependencies={k: tuple(v) for k, v in r.get("propertyDependencies", {}).items()},
                options=r.get("options") or {},
            )
        )
    return out
