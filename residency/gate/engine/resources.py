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


def default_provider(
    package: str, project: str, stack: str, config: Mapping[str, str], plugin: Mapping[str, str] | None = None
) -> ProviderInput:
    """The engine's default provider for a package: configured from the stack's `<package>:` keys. A resource that
    asks for a plugin version or download URL gets its own default provider (`default_<version>`) carrying them."""
    prefix = f"{package}:"
    props: dict[str, Any] = {k[len(prefix) :]: _config_value(v) for k, v in config.items() if k.startswith(prefix)}
    props.update(plugin or {})
    version = (plugin or {}).get("version")
    name = (
        f"{DEFAULT_PROVIDER_NAME}_{version.replace('.', '_').replace('-', '_')}" if version else DEFAULT_PROVIDER_NAME
    )
    urn = f"urn:pulumi:{stack}::{project}::pulumi:providers:{package}::{name}"
    return ProviderInput(f"pulumi:providers:{package}", urn, name, props)


def to_resource_inputs(
    records: list[dict[str, Any]], project: str, stack: str, config: Mapping[str, str]
) -> list[ResourceInput]:
    providers = {
        f"{r['urn']}::{r['id']}": ProviderInput(r["type"], r["urn"], r["name"], r["inputs"])
        for r in records
        if r["type"].startswith("pulumi:providers:")
    }
    defaults: dict[tuple[str, str, str], ProviderInput] = {}
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
                plugin = r.get("plugin") or {}
                key = (package, plugin.get("version", ""), plugin.get("pluginDownloadURL", ""))
                if key not in defaults:
                    defaults[key] = default_provider(package, project, stack, config, plugin)
                provider = defaults[key]
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
