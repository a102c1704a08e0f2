"""The verdict every diff format opens with, and small shared wording."""

from dataclasses import dataclass
from typing import Any

from residency.diff.compare import ResidencyDiff
from residency.facts.resource import CopyEdge
from residency.model.regions import label


@dataclass(frozen=True)
class Verdict:
    moves: int
    edges_added: int
    edges_removed: int
    weakened: int
    new_violations: int
    new_mandatory: int
    fixed: int

    @property
    def headline(self) -> str:
        if self.new_mandatory:
            return "BLOCKING: this change introduces mandatory residency violations"
        if self.moves or self.edges_added or self.weakened or self.new_violations:
            return "REVIEW: this change moves or copies data, or weakens a protection"
        return "No data moves: no new region, copy edge, weakened protection or violation"


def verdict(diff: ResidencyDiff) -> Verdict:
    return Verdict(
        moves=diff.moves,
        edges_added=sum(1 for e in diff.edges_added if e.cross_region),
        edges_removed=sum(1 for e in diff.edges_removed if e.cross_region),
        weakened=len(diff.weakened),
        new_violations=len(diff.new_violations),
        new_mandatory=sum(1 for v in diff.new_violations if v.blocking),
        fixed=len(diff.fixed_violations),
    )


def keyed_rows(diff: ResidencyDiff) -> list[tuple[str, str, int]]:
    """(JSON key, label, count): the one summary every format shows, in one key style."""
    v = verdict(diff)
    return [
        ("dataPlacedInNewRegions", "Data moved or placed in a new region", v.moves),
        ("copyEdgesAdded", "Cross-region copy edges added", v.edges_added),
        ("copyEdgesRemoved", "Cross-region copy edges removed", v.edges_removed),
        ("protectionsWeakened", "Protections weakened", v.weakened),
        ("newMandatoryViolations", "New violations (mandatory)", v.new_mandatory),
        ("newAdvisoryViolations", "New violations (advisory)", v.new_violations - v.new_mandatory),
        ("violationsFixed", "Violations fixed", v.fixed),
        ("exceptionChanges", "Exceptions added, removed or extended", len(diff.exceptions)),
        ("resourcesAdded", "Resources added (all types)", len(diff.resources_added)),
        ("resourcesRemoved", "Resources removed (all types)", len(diff.resources_removed)),
        ("resourcesReplaced", "Resources replaced (all types)", len(diff.resources_replaced)),
    ]


def rows(diff: ResidencyDiff) -> list[tuple[str, int]]:
    return [(label, count) for _, label, count in keyed_rows(diff)]


def where(aws_region: str | None) -> str:
    """`Jakarta · ID (ap-southeast-3)`: the human label first, the code for those who need it."""
    if not aws_region:
        return "unknown region"
    shown_label = label(aws_region)
    return shown_label if shown_label == aws_region else f"{shown_label} ({aws_region})"


def resource_text(snapshot_rows: dict[str, dict[str, Any]], urn: str) -> str:
    """A resource by type and name (its URN is in the JSON report and behind a details toggle)."""
    row = snapshot_rows.get(urn) or {}
    return f"{row.get('type') or urn.split('::')[-2]} {row.get('name') or urn.rsplit('::', 1)[-1]}"


def edge_text(e: CopyEdge) -> str:
    src = where(e.source_region)
    dst = where(e.destination_region) if e.destination_region else "any member region"
    return f"{src} -> {dst} via {e.mechanism} ({e.urn.rsplit('::', 1)[-1]})"


def shown(value: object) -> str:
    return "unset" if value is None else str(value)
