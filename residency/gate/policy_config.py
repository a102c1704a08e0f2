"""Read a `--policy-pack-config` file (Pulumi's format) into per-policy (level, properties), validated."""

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema

from residency.gate.analyzer_client import LEVEL_VALUES, PolicyInfo
from residency.model.errors import ResidencyConfigError
from residency.reading import read_json
from residency.rules import CORE_POLICIES

ALLOWED_LEVELS = ", ".join(LEVEL_VALUES)


def read_policy_config_file(path: Path) -> dict[str, Any]:
    data = read_json(path)
    if not isinstance(data, dict):
        raise ResidencyConfigError(str(path), 'must be a JSON object like {"all": "mandatory", "<policy>": {...}}')
    return data


def _level(where: str, value: Any) -> str:
    if not isinstance(value, str) or value not in LEVEL_VALUES:
        raise ResidencyConfigError(where, f"{value!r} is not an enforcement level; allowed: {ALLOWED_LEVELS}")
    return str(value)


def _refuse_undeclared(where: str, props: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
    """A property the policy does not declare is never read: `acceptedSCCReferences` would silently accept no SCC.
    Only for a policy that declares its properties (a schema without any says nothing about names)."""
    declared = schema.get("properties")
    if not isinstance(declared, dict) or not declared:
        return
    for key in props:
        if key not in declared:
            close = difflib.get_close_matches(key, list(declared), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            raise ResidencyConfigError(
                f"{where}.{key}", f"is not a property of this policy; {hint}allowed: {', '.join(sorted(declared))}"
            )


def resolve_policy_config(
    raw: Mapping[str, Any], policies: list[PolicyInfo], source: str = "policy pack config"
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Per policy: the enforcement level (policy entry > `all` > pack default) and validated properties."""
    known = {p.name: p for p in policies}
    unknown = sorted(set(raw) - set(known) - {"all"})
    if unknown:
        raise ResidencyConfigError(
            f"{source}: {unknown[0]}", "is not a policy of this pack; allowed: all, " + ", ".join(sorted(known))
        )
    all_entry = raw.get("all")
    all_level = None
    if all_entry is not None:
        all_level = _level(
            f"{source}: all", all_entry.get("enforcementLevel") if isinstance(all_entry, dict) else all_entry
        )
    resolved: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, info in known.items():
        entry = raw.get(name)
        props: dict[str, Any] = {}
        level = all_level or info.level
        if isinstance(entry, str):
            level = _level(f"{source}: {name}", entry)
        elif isinstance(entry, dict):
            props = {k: v for k, v in entry.items() if k != "enforcementLevel"}
            if "enforcementLevel" in entry:
                level = _level(f"{source}: {name}.enforcementLevel", entry["enforcementLevel"])
            schema = {"type": "object", **info.config_schema}
            _refuse_undeclared(f"{source}: {name}", props, schema)
            try:
                jsonschema.validate(props, schema)
            except jsonschema.ValidationError as exc:
                where = ".".join(str(p) for p in exc.absolute_path)
                raise ResidencyConfigError(f"{source}: {name}{'.' + where if where else ''}", exc.message) from None
        elif entry is not None:
            raise ResidencyConfigError(f"{source}: {name}", "must be an enforcement level or an object")
        resolved[name] = (level, props)
    return resolved


BLOCKING_LEVELS = ("mandatory", "remediate")


def weakened_core_policies(levels: Mapping[str, str], policies: list[PolicyInfo]) -> list[dict[str, str]]:
    """Core policies that will not block here, with their level and the pack's default."""
    defaults = {p.name: p.level for p in policies}
    out = []
    for name in CORE_POLICIES:
        level = levels.get(name, "missing from the pack")
        if level not in BLOCKING_LEVELS:
            out.append({"policy": name, "level": level, "default": defaults.get(name, "mandatory")})
    return out
