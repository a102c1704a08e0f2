"""The verdict every diff format opens with, and small shared wording."""

from dataclasses import dataclass

from residency.diff.compare import Edge, ResidencyDiff
from residency.model.regions import describe


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


def rows(diff: ResidencyDiff) -> list[tuple[str, int | str]]:
    v = verdict(diff)
    return [
        ("Data moved or placed in a new region", v.moves),
        ("Cross-region copy edges added", v.edges_added),
        ("Cross-region copy edges removed", v.edges_removed),
        ("Protections weakened", v.weakened),
        ("New violations (mandatory)", v.new_mandatory),
        ("New violations (advisory)", v.new_violations - v.new_mandatory),
        ("Violations fixed", v.fixed),
        (
            "Resources added / removed / replaced (all types)",
            f"{len(diff.resources_added)} / {len(diff.resources_removed)} / {len(diff.resources_replaced)}",
        ),
    ]


def edge_text(e: Edge) -> str:
    src = describe(e.source) if e.source else "unknown"
    dst = describe(e.destination) if e.destination else "any member region"
    return f"{src} -> {dst} via {e.mechanism} ({e.urn.rsplit('::', 1)[-1]})"


def shown(value: object) -> str:
    return "unset" if value is None else str(value)
