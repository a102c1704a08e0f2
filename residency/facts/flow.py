"""The class travels with the data: classes flow along references, then every cross-region reference is an edge.

A resource receives the classes of what it reads (a source property, or any reference of a processor, mover,
global or opaque resource) and of what a mover delivers to it (a destination property, or any reference of a
mover). Data outside the stack counts as the most restricted class unless the caller knows its class (the other
stack of the same gate run). Classes only grow, so the fixpoint is reached in a few rounds.
"""

from collections.abc import Mapping, Sequence

from residency.facts.graph import Graph
from residency.facts.references import CHART_SOURCES, ReferenceScanner
from residency.facts.resource import CopyEdge, Direction, Reference, ResourceFacts
from residency.model.catalogue import Role
from residency.model.data_classes import MOST_RESTRICTED, DataClass, parse_data_class

READERS = frozenset({Role.PROCESSOR, Role.MOVER, Role.GLOBAL, Role.OPAQUE})
"""Roles whose every reference may be read: their class comes from what they reference."""
SENDERS = frozenset({Role.MOVER, Role.OPAQUE})
"""Roles whose undeclared references may also be written to; a store naming one (a member of a global cluster,
a subscriber) receives what it carries."""
KnownClasses = Mapping[str, DataClass]
"""ARN or name of a resource outside the stack -> its class, from a trusted source (the same gate run)."""


def _outside(ref: Reference, known: KnownClasses) -> dict[DataClass, str]:
    found = known.get(ref.text)
    if found is not None:
        return {found: f"{ref.text} (class read from the other stack)"}
    return {MOST_RESTRICTED: f"{ref.text}, outside this stack (judged as the most restricted class)"}


def carried(f: ResourceFacts) -> tuple[DataClass, str] | None:
    """The one class an untaggable type can hold or move (the catalogue's `carries`), and how that is known."""
    found = parse_data_class(f.entry.carries) if f.entry is not None and f.entry.carries else None
    if found is None:
        return None
    return found, f"{f.resource.name}, a {f.type.rsplit(':', 1)[-1]} (it only ever holds {found.value})"


def assumed(origin: str) -> bool:
    """Was this class assumed by the pack (fail closed), not declared or received? Every origin this module writes
    for an assumed class says "most restricted", and an origin passed along a flow keeps that text."""
    return "most restricted" in origin


def _declared(f: ResourceFacts) -> dict[DataClass, str]:
    if f.data_class is not None:
        return {f.data_class: f"{f.resource.name}'s data-class tag"}
    own = carried(f)
    return dict([own]) if own is not None else {}


def effective(f: ResourceFacts, fallback: bool = True) -> dict[DataClass, str]:
    """Declared plus received; the most restricted class when neither says anything (unless `fallback` is off, or a
    schedule starts it: then it carries only what it names)."""
    if f.role is Role.CONTROL:
        return {}
    declared = _declared(f)
    out = dict(declared)
    for c, origin in f.received.items():
        out.setdefault(c, origin)
    # Software pulled in (an image, a chart) is code, not data read: alone it leaves the data handled unknown.
    read = [c for c in out if c in declared or c not in f.pulled]
    if f.role is Role.STORE and f.data_class is None:
        out.setdefault(
            MOST_RESTRICTED,
            f"{f.resource.name}'s data class is undetermined ({f.class_problem}); judged as the most restricted class",
        )
    if not read and fallback and f.clock_started is None:
        out[MOST_RESTRICTED] = (
            f"{f.resource.name} declares no data class and reads no data the pack can identify "
            f"({f.class_problem}); judged as the most restricted class"
        )
    return out


def _add(target: ResourceFacts, classes: Mapping[DataClass, str], via: str) -> bool:
    changed = False
    for c, origin in classes.items():
        if c not in target.received:
            target.received[c] = f"{origin}, via {via}"
            changed = True
    return changed


def _inflow(ref: Reference, known: KnownClasses, fallback: bool = True) -> dict[DataClass, str]:
    if ref.target is not None:
        return effective(ref.target, fallback)
    if ref.artifact:
        what = "a Helm chart" if ref.prop in CHART_SOURCES else "a container image"
        return {DataClass.SOFTWARE_ARTIFACT: f"{ref.text} ({what})"}
    if ref.place:
        return {}
    return _outside(ref, known)


def _round(active: Sequence[ResourceFacts], known: KnownClasses, fallback: bool) -> bool:
    changed = False
    for f in active:
        for ref in f.references:
            reads = ref.direction is Direction.SOURCE or (
                ref.direction is Direction.BOTH
                and (f.role in READERS or (ref.target is not None and ref.target.role in SENDERS))
            )
            if reads and ref.target is not f:
                own = carried(f)
                inflow = (
                    {own[0]: f"{ref.text}, read by {own[1]}"}
                    if own is not None and ref.target is None and not ref.place
                    else _inflow(ref, known, fallback)
                )  # what an image registry setting pulls from outside is images, whatever the upstream
                new = [c for c in inflow if c not in f.received]
                changed |= _add(f, inflow, f"{f.resource.name}.{ref.prop}")
                if ref.artifact and ref.target is None:
                    f.pulled.update(new)  # software pulled in: not yet data it reads
                else:
                    f.pulled.difference_update(inflow)
            member = f.role is Role.STORE and ref.target is not None and ref.target.role in SENDERS
            sends = ref.direction is Direction.DESTINATION or (
                ref.direction is Direction.BOTH and (f.role in SENDERS or member)
            )
            if sends and ref.target is not None and ref.target.role is not Role.CONTROL:
                changed |= _add(ref.target, effective(f, fallback), f"{f.resource.name}.{ref.prop}")
    return changed


def propagate(facts: Sequence[ResourceFacts], known: KnownClasses) -> None:
    """What is known flows first; only then does "reads nothing identifiable" flow on as the most restricted class."""
    active = [f for f in facts if f.role is not Role.CONTROL and f.references]
    for fallback in (False, True):
        for _ in range(len(active) + 1):
            if not _round(active, known, fallback):
                break


def _flow_edges(f: ResourceFacts, known: KnownClasses) -> list[CopyEdge]:
    if f.role in (Role.CONTROL, Role.GLOBAL) or f.region is None:
        return []
    edges = []
    for ref in f.references:
        if ref.target is not None and ref.target.role in (Role.GLOBAL, Role.OPAQUE):
            continue  # judged as global, or reported as could-not-evaluate when it takes restricted data
        other = ref.region
        if other == f.region or (other is None and ref.direction is Direction.SOURCE):
            continue  # data read from an unknown place is judged where it lands: it counts as most restricted
        here: str = f.region
        src, dst = (other, here) if ref.direction is Direction.SOURCE else (here, other)
        classes = (_inflow(ref, known) or effective(f)) if ref.direction is Direction.SOURCE else effective(f)
        problem = None
        if other is None:
            problem = ref.problem or f"the region of {ref.shown} cannot be determined"
        for c, origin in sorted(classes.items()):
            edges.append(
                CopyEdge(
                    mechanism=f"reference in {ref.prop}",
                    urn=f.urn,
                    source_region=src,
                    destination_region=dst,
                    data_class=c,
                    class_origin=origin,
                    target=ref.shown,
                    problem=problem,
                    collection=f.collection,
                )
            )
    return edges


def flow_edges(f: ResourceFacts, known: KnownClasses, precise: Sequence[CopyEdge]) -> list[CopyEdge]:
    """Generic edges, minus those a precise extractor already judges (same pair of regions)."""
    if not precise:
        return _flow_edges(f, known)
    covered = {(e.source_region, e.destination_region) for e in precise}
    covered |= {(d, s) for s, d in covered}
    # The mechanism's own extractor decides where its unresolved references go; the scan adds only new regions.
    return [
        e for e in _flow_edges(f, known) if e.problem is None and (e.source_region, e.destination_region) not in covered
    ]


def scan(facts: Sequence[ResourceFacts], graph: Graph) -> None:
    scanner = ReferenceScanner(graph)
    for f in facts:
        if f.role is not Role.CONTROL:
            f.references = scanner.references(f)
