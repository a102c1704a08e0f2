"""Build the catalogue from the installed providers and the reviewed role decisions, as one stable JSON text."""

import json
from importlib.metadata import version
from typing import Any

from residency.catalogue.aws_roles import CARRIED_CLASS, DEFAULT_WHY, aws_role
from residency.catalogue.discover import TypeInfo, installed_types
from residency.catalogue.flows import COPIED_STORES, FLOWS, PARTS
from residency.catalogue.kubernetes_roles import kubernetes_role
from residency.model.catalogue import CATALOGUE_PATH

PROVIDERS = ("pulumi_aws", "pulumi_kubernetes")

__all__ = ["CATALOGUE_PATH", "PROVIDERS", "entries", "render"]


def _entry(info: TypeInfo) -> dict[str, Any]:
    if info.token.startswith("kubernetes:"):
        role, why = kubernetes_role(info.token)
    else:
        role, why = aws_role(info.module, info.name)
    entry: dict[str, Any] = {"role": role, "why": why or DEFAULT_WHY[role]}
    if info.taggable:
        entry["tags"] = True
    flows = FLOWS.get(info.token)
    if flows is not None:
        entry["sources"], entry["destinations"] = list(flows[0]), list(flows[1])
    if COPIED_STORES.get(info.token):
        entry["sources"] = list(COPIED_STORES[info.token])
    carried = CARRIED_CLASS.get(f"{info.module}/{info.name}") if info.token.startswith("aws:") else None
    if carried is not None:
        entry["carries"], entry["why"] = carried
    if info.token in PARTS:
        entry["sources"], entry["part_of"] = [PARTS[info.token]], True
    return entry


def entries() -> dict[str, dict[str, Any]]:
    found: dict[str, TypeInfo] = {}
    for package in PROVIDERS:
        found.update(installed_types(package))
    return {token: _entry(found[token]) for token in sorted(found)}


def render() -> str:
    """One type per line, so a provider upgrade reads as a short, reviewable diff."""
    versions = {p: version(p.replace("_", "-")) for p in PROVIDERS}
    lines = [f"  {json.dumps(t)}: {json.dumps(e, sort_keys=True)}" for t, e in entries().items()]
    return '{\n "providers": ' + json.dumps(versions) + ',\n "types": {\n' + ",\n".join(lines) + "\n }\n}\n"
