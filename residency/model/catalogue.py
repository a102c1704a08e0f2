"""The role of every resource type, read from the checked-in catalogue (`catalogue.json`, generated and reviewed).

A type the catalogue lacks is judged by its package: an unknown AWS type is a store (fail closed), an unknown
Kubernetes kind runs workloads, a resource of a provider the pack cannot see into is opaque.
"""

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

CATALOGUE_PATH = Path(__file__).with_name("catalogue.json")


class Role(StrEnum):
    CONTROL = "control"
    STORE = "store"
    MOVER = "mover"
    PROCESSOR = "processor"
    GLOBAL = "global"
    OPAQUE = "opaque"
    """Not a catalogue role: a resource of a provider whose effect the pack cannot see (command, dynamic, ...)."""


@dataclass(frozen=True, slots=True)
class TypeEntry:
    role: Role
    why: str
    taggable: bool = False
    sources: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    catalogued: bool = True
    part_of: bool = False
    """A part of a parent store (an object in a bucket, an item in a table): it takes the parent's class."""
    carries: str | None = None
    """The one data class an untaggable type can hold or move (ECR registry settings: software-artifact)."""

    @property
    def needs_tag(self) -> bool:
        return self.role is Role.STORE and self.taggable and not self.part_of

    @property
    def holds_data(self) -> bool:
        return self.role is not Role.CONTROL


LOCAL_PACKAGES = frozenset({"random", "tls", "time", "null", "archive", "local"})
"""Providers that only compute values on the machine running Pulumi: they hold and move no customer data."""
VISIBLE_PROVIDERS = frozenset({"aws", "kubernetes", *LOCAL_PACKAGES})
_CONTROL_INFRA = TypeEntry(Role.CONTROL, "engine bookkeeping", catalogued=False)


@lru_cache(maxsize=1)
def _types() -> dict[str, TypeEntry]:
    raw = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))["types"]
    return {
        token: TypeEntry(
            Role(e["role"]),
            e["why"],
            bool(e.get("tags")),
            tuple(e.get("sources", ())),
            tuple(e.get("destinations", ())),
            part_of=bool(e.get("part_of")),
            carries=e.get("carries"),
        )
        for token, e in raw.items()
    }


def catalogued_types() -> frozenset[str]:
    return frozenset(_types())


def catalogue_versions() -> dict[str, str]:
    versions: dict[str, str] = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))["providers"]
    return versions


def entry_for(token: str) -> TypeEntry:
    found = _types().get(token)
    if found is not None:
        return found
    package = token.split(":", 1)[0]
    if token in ("pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"):
        return _CONTROL_INFRA  # a stack reference's values are judged where they are used, by their text
    if token.startswith("pulumi:providers:"):
        name = token.removeprefix("pulumi:providers:")
        if name in VISIBLE_PROVIDERS:
            return _CONTROL_INFRA
        return TypeEntry(
            Role.OPAQUE, f"a provider of package {name!r}, whose resources the pack cannot see", False, catalogued=False
        )
    if package == "aws":
        return TypeEntry(
            Role.STORE, "not in the catalogue: treated as a store of the most restricted class", True, catalogued=False
        )
    if package == "kubernetes":
        return TypeEntry(Role.PROCESSOR, "a custom resource kind: treated as a workload", catalogued=False)
    if package in LOCAL_PACKAGES:
        return TypeEntry(
            Role.CONTROL, "computed locally by the Pulumi engine; holds no customer data", catalogued=False
        )
    return TypeEntry(
        Role.OPAQUE, f"a resource of package {package!r}, whose effect the pack cannot see", catalogued=False
    )
