"""Read ResourceV3 lists (export, checkpoint, preview states) into a Snapshot via the same facts and rules."""

from collections.abc import Mapping, Sequence
from typing import Any

from residency.diff.snapshot import Snapshot
from residency.facts.builder import build_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import SECRET_SHOWN
from residency.gate.rows import rows_from_facts
from residency.model.clock import today
from residency.rules import evaluate
from residency.rules.base import RuleContext
from residency.rules.context import rule_context


def _clean(value: Any) -> Any:
    """State files show secrets as "[secret]" strings or ciphertext objects; both stay opaque."""
    if isinstance(value, dict):
        if "ciphertext" in value and len(value) <= 2:
            return SECRET_SHOWN
        return {k: _clean(v) for k, v in value.items() if k != "__defaults"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _provider_index(resources: Sequence[Mapping[str, Any]]) -> dict[str, ProviderInput]:
    index = {}
    for r in resources:
        if str(r.get("type", "")).startswith("pulumi:providers:"):
            urn = r["urn"]
            name = urn.rsplit("::", 1)[-1]
            provider = ProviderInput(r["type"], urn, name, _clean(r.get("inputs") or {}))
            index[f"{urn}::{r.get('id', '')}"] = provider
            index[urn] = provider
    return index


def _provider_for(ref: str | None, index: dict[str, ProviderInput]) -> ProviderInput | None:
    if not ref:
        return None
    if ref in index:
        return index[ref]
    urn = ref.rsplit("::", 1)[0]
    if urn in index:
        return index[urn]
    name = urn.rsplit("::", 1)[-1]
    # Preview JSON names default providers only by reference; keep the name so the source is honest.
    return ProviderInput(urn.split("::")[2] if urn.count("::") >= 3 else "pulumi:providers:aws", urn, name, {})


def to_inputs(resources: Sequence[Mapping[str, Any]]) -> list[ResourceInput]:
    providers = _provider_index(resources)
    out = []
    for r in resources:
        urn = r["urn"]
        out.append(
            ResourceInput(
                urn=urn,
                type=r.get("type", urn.split("::")[2].split("$")[-1]),
                name=urn.rsplit("::", 1)[-1],
                props=_clean(r.get("inputs") or {}),
                provider=_provider_for(r.get("provider"), providers),
                parent=r.get("parent"),
                dependencies=tuple(r.get("dependencies") or ()),
                property_dependencies={k: tuple(v) for k, v in (r.get("propertyDependencies") or {}).items()},
                outputs=_clean(r.get("outputs") or {}),
            )
        )
    return out


def context_from(config: Mapping[str, Any]) -> tuple[RuleContext, list[str]]:
    """Settings from the file's own config when it has any; otherwise the strictest posture, said plainly.

    Invalid settings are judged as the pack judges them: strictest posture, and a
    `require-valid-residency-settings` violation naming the problem.
    """
    notes = []
    if "residency:org" not in config:
        notes.append("no residency:org in this file: judged under the strictest posture (ID-only)")
    return rule_context(config, today()), notes


def snapshot_from_states(
    source: str, kind: str, resources: Sequence[Mapping[str, Any]], config: Mapping[str, Any]
) -> Snapshot:
    inputs = to_inputs(resources)
    facts = build_facts(inputs, config, {})
    ctx, notes = context_from(config)
    rows = rows_from_facts(facts, {i.urn: i.outputs.get("arn") for i in inputs})
    findings = evaluate(facts, ctx)
    return Snapshot(source, kind, {r.urn: r.to_plan() for r in rows}, list(findings), notes=notes)
