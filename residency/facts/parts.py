"""Where a part of a store lives: in the store it belongs to, not where its provider points.

An object written into a bucket, an item put in a table, lives in that bucket's or table's region whatever
region its own provider names. A store outside the stack (a bucket found only by name) has no region the pack
can read, so neither has the part: it fails closed.
"""

import dataclasses
from collections.abc import Callable, Sequence

from residency.facts.resource import Reference, ResourceFacts


def _home(f: ResourceFacts) -> Reference | None:
    """The reference naming the store a part belongs to (its first declared source property)."""
    if f.entry is None or not f.entry.part_of or not f.entry.sources:
        return None
    prop = f.entry.sources[0]
    found = [r for r in f.references if r.prop == prop and not r.place]
    return next((r for r in found if r.target is not None), found[0] if found else None)


Placement = tuple[str | None, str]
"""(region, why) a resource is moved to."""


def relocate(facts: Sequence[ResourceFacts], where: Callable[[ResourceFacts], Placement | None]) -> None:
    """Move every resource `where` places elsewhere; references to one that moved carry its new region."""
    moved: set[int] = set()
    for f in facts:
        found = where(f)
        if found is not None:
            f.region, f.region_source = found
            moved.add(id(f))
    if not moved:
        return
    for f in facts:
        f.references = [
            dataclasses.replace(r, region=r.target.region) if r.target is not None and id(r.target) in moved else r
            for r in f.references
        ]


def _placement(f: ResourceFacts) -> Placement | None:
    """Where a part lives when that is not where it is already placed."""
    home = _home(f)
    if home is None:
        return None
    if home.target is not None:
        region, why = home.target.region, f"its {home.prop} {home.target.resource.name}"
        where = f"{why} ({home.target.region_source})" if region else f"{why}, {home.target.region_source}"
    elif home.region is not None:
        region, where = home.region, f"its {home.prop} {home.text}"
    else:
        region = None
        where = f"it lives in {home.text}: {home.problem or 'outside this stack, in a region the pack cannot read'}"
    return None if (region, where) == (f.region, f.region_source) else (region, where)


def place_parts(facts: Sequence[ResourceFacts]) -> None:
    relocate(facts, _placement)
