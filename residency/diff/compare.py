"""Compare two snapshots the way an auditor reads them: per data class, copy edges, protections, violations."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from residency.diff.exception_changes import ExceptionChange, exception_changes
from residency.diff.snapshot import Snapshot
from residency.facts.resource import CopyEdge
from residency.model.findings import Finding, Level

# protection -> the change that weakens it
_WEAKER: dict[str, Any] = {
    "deletionProtection": lambda a, b: a is True and b is not True,
    "skipFinalSnapshot": lambda a, b: a is not True and b is True,
    "forceDestroy": lambda a, b: a is not True and b is True,
    "publiclyAccessible": lambda a, b: a is not True and b is True,
    "publicAccessBlocked": lambda a, b: a is True and b is not True,
    "storageEncrypted": lambda a, b: a is True and b is not True,
    "objectLockEnabled": lambda a, b: a is True and b is not True,
    "objectLockMode": lambda a, b: a == "COMPLIANCE" and b != "COMPLIANCE",
    "versioning": lambda a, b: a == "Enabled" and b != "Enabled",
    "encryptionKey": lambda a, b: a is not None and b in (None, ""),
    "retentionInDays": lambda a, b: _lowered(a, b),
    "backupRetentionPeriod": lambda a, b: _lowered(a, b),
}


def _lowered(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return (a == 0 and b != 0) or (a != 0 and b != 0 and b < a)
    return False


@dataclass(frozen=True)
class ProtectionChange:
    urn: str
    name: str
    data_class: str | None
    field: str
    before: Any
    after: Any
    weakened: bool


@dataclass
class ClassChange:
    data_class: str
    regions_before: list[str]
    regions_after: list[str]
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    edges_added: list[CopyEdge] = field(default_factory=list)
    edges_removed: list[CopyEdge] = field(default_factory=list)
    placed_before: list[str] = field(default_factory=list)
    placed_after: list[str] = field(default_factory=list)
    """Regions holding a store of the class (the `regions_*` lists also hold the regions it is copied to)."""

    @property
    def new_regions(self) -> list[str]:
        """Regions the class is newly *placed* in (new copies are counted as copy edges, not twice)."""
        return sorted(set(self.placed_after) - set(self.placed_before))

    @property
    def changed(self) -> bool:
        return bool(
            self.regions_before != self.regions_after
            or self.added
            or self.removed
            or self.replaced
            or self.edges_added
            or self.edges_removed
        )


@dataclass
class ResidencyDiff:
    before: Snapshot
    after: Snapshot
    classes: list[ClassChange]
    moved: list[tuple[str, str, str | None, str | None]]  # urn, name, region before, region after
    relabelled: list[tuple[str, str, str | None, str | None]]  # urn, name, class before, class after
    protections: list[ProtectionChange]
    new_violations: list[Finding]
    fixed_violations: list[Finding]
    edges_added: list[CopyEdge]
    edges_removed: list[CopyEdge]
    resources_added: list[str] = field(default_factory=list)
    resources_removed: list[str] = field(default_factory=list)
    resources_replaced: list[str] = field(default_factory=list)
    exceptions: list[ExceptionChange] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        return list(dict.fromkeys(self.before.notes + self.after.notes))

    @property
    def weakened(self) -> list[ProtectionChange]:
        return [p for p in self.protections if p.weakened]

    @property
    def moves(self) -> int:
        return len(self.moved) + sum(len(c.new_regions) for c in self.classes)

    @property
    def nothing_changed(self) -> bool:
        return not (
            self.moves
            or self.relabelled
            or self.resources_added
            or self.resources_removed
            or self.protections
            or self.new_violations
            or self.fixed_violations
            or self.edges_added
            or self.edges_removed
            or self.exceptions
            or any(c.changed for c in self.classes)
        )

    def fails(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        if fail_on == "mandatory":
            return any(v.blocking for v in self.new_violations)
        cross = [e for e in self.edges_added if e.cross_region]
        widened = [x for x in self.exceptions if x.change in ("added", "extended", "changed")]
        return bool(self.new_violations or self.weakened or self.moves or cross or self.relabelled or widened)


def _edges(snapshot: Snapshot) -> set[CopyEdge]:
    out = set()
    for urn, row in snapshot.rows.items():
        for c in row.get("copies") or []:
            out.add(CopyEdge.from_json(urn, c if isinstance(c, dict) else {}))
    return out


def _regions(stores: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in stores.values():
        out[row.get("dataClass") or "unknown"].add(row.get("region") or "unknown")
    return out


def _held(stores: dict[str, dict[str, Any]], edges: set[CopyEdge]) -> dict[str, set[str]]:
    out = _regions(stores)
    for e in edges:
        if e.cross_region and e.destination_region:
            out.setdefault(e.data_class or "unknown", set()).add(e.destination_region)
    return out


def placements(stores: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Regions where stores of each class are placed (copies aside)."""
    return _regions(stores)


def _violation_key(v: Finding) -> tuple[str, str, str]:
    return (v.policy, str(v.urn), v.message)


def _protection_changes(before: Snapshot, after: Snapshot) -> list[ProtectionChange]:
    changes = []
    before_stores = before.stores
    for urn, row in after.stores.items():
        old = before_stores.get(urn)
        if old is None:
            continue
        a, b = old.get("protections") or {}, row.get("protections") or {}
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                weaker = _WEAKER.get(key, lambda x, y: False)(a.get(key), b.get(key))
                changes.append(
                    ProtectionChange(
                        urn, row.get("name", urn), row.get("dataClass"), key, a.get(key), b.get(key), weaker
                    )
                )
    return changes


POLICY_CONFIG = "policy pack config"


def _policy_changes(before: Snapshot, after: Snapshot) -> list[ProtectionChange]:
    """A policy switched off or down to advisory is a weakened protection of every store it guarded."""
    if after.policy_levels is None:
        return []
    old_levels = before.policy_levels or {}
    changes = []
    for policy, level in sorted(after.policy_levels.items()):
        was = old_levels.get(policy, Level.MANDATORY.value)
        if was != level:
            old, new = Level.parse(was), Level.parse(level)
            weaker = old.blocking and not new.blocking or (old is Level.ADVISORY and new is Level.DISABLED)
            changes.append(ProtectionChange(POLICY_CONFIG, POLICY_CONFIG, None, f"policy {policy}", was, level, weaker))
    return changes


def _replaced(before: Snapshot, after: Snapshot) -> set[str]:
    out = set(before.replaced) | set(after.replaced)
    before_stores = before.stores
    for urn, row in after.stores.items():
        old = before_stores.get(urn)
        if old and old.get("arn") and row.get("arn") and old["arn"] != row["arn"]:
            out.add(urn)
    return out


def compare(before: Snapshot, after: Snapshot) -> ResidencyDiff:
    b_stores, a_stores = before.stores, after.stores
    b_edges, a_edges = _edges(before), _edges(after)
    # a class is held wherever a store of it is placed and wherever it is copied to
    b_regions, a_regions = _held(b_stores, b_edges), _held(a_stores, a_edges)
    b_placed, a_placed = _regions(b_stores), _regions(a_stores)
    edges_added = sorted(a_edges - b_edges, key=lambda e: (e.urn, e.mechanism))
    edges_removed = sorted(b_edges - a_edges, key=lambda e: (e.urn, e.mechanism))
    replaced = _replaced(before, after)
    classes = []
    for cls in sorted(set(b_regions) | set(a_regions) | {e.data_class or "unknown" for e in a_edges | b_edges}):

        def of_class(stores: dict[str, dict[str, Any]], c: str = cls) -> set[str]:
            return {u for u, r in stores.items() if (r.get("dataClass") or "unknown") == c}

        b_urns, a_urns = of_class(b_stores), of_class(a_stores)
        classes.append(
            ClassChange(
                cls,
                sorted(b_regions.get(cls, set())),
                sorted(a_regions.get(cls, set())),
                added=sorted(a_urns - b_urns),
                removed=sorted(b_urns - a_urns),
                replaced=sorted(a_urns & replaced),
                edges_added=[e for e in edges_added if (e.data_class or "unknown") == cls],
                edges_removed=[e for e in edges_removed if (e.data_class or "unknown") == cls],
                placed_before=sorted(b_placed.get(cls, set())),
                placed_after=sorted(a_placed.get(cls, set())),
            )
        )
    moved = [
        (u, r.get("name", u), b_stores[u].get("region"), r.get("region"))
        for u, r in a_stores.items()
        if u in b_stores and b_stores[u].get("region") != r.get("region")
    ]
    relabelled = [
        (u, r.get("name", u), b_stores[u].get("dataClass"), r.get("dataClass"))
        for u, r in a_stores.items()
        if u in b_stores and b_stores[u].get("dataClass") != r.get("dataClass")
    ]
    b_viol = {_violation_key(v): v for v in before.violations}
    a_viol = {_violation_key(v): v for v in after.violations}
    return ResidencyDiff(
        before,
        after,
        classes,
        moved,
        relabelled,
        _policy_changes(before, after) + _protection_changes(before, after),
        new_violations=[v for k, v in a_viol.items() if k not in b_viol],
        fixed_violations=[v for k, v in b_viol.items() if k not in a_viol],
        edges_added=edges_added,
        edges_removed=edges_removed,
        resources_added=sorted(set(after.rows) - set(before.rows)),
        resources_removed=sorted(set(before.rows) - set(after.rows)),
        resources_replaced=sorted(replaced & set(after.rows)),
        exceptions=exception_changes(before, after),
    )
