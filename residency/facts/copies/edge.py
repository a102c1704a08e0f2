"""Shared construction of copy edges, so every mechanism words its findings the same way."""

import re

from residency.facts.flow import carried, effective
from residency.facts.resource import CopyEdge, ResourceFacts
from residency.facts.values import as_list, is_unknown
from residency.model.data_classes import DataClass, strictness

_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")


def region_or_none(value: object) -> str | None:
    """A region only when the value is one; an unknown (its sentinel) or anything else is "cannot be determined"."""
    return value if isinstance(value, str) and not is_unknown(value) and _REGION.match(value) else None


def unknown_config(f: ResourceFacts, mechanism: str, what: str, source: ResourceFacts | None = None) -> CopyEdge:
    """An edge for a copy configuration the preview cannot see (unknown, or not the shape it should be): judged
    as a copy to an undetermined region, never as no copy."""
    return edge(
        f,
        mechanism,
        source=source,
        source_region=(source.region if source is not None else None) or f.region,
        target=f"{what} unknown during preview",
        destination_problem=f"{what} is unknown during preview or not a configuration: where it copies to cannot "
        "be determined",
    )


def entries(value: object) -> tuple[list[dict[str, object]], bool]:
    """The dict entries of a list-valued property, and whether anything in it could not be read (fail closed)."""
    if is_unknown(value):
        return [], True
    items = as_list(value)
    good = [i for i in items if isinstance(i, dict)]
    return good, len(good) != len(items)


def own_class_origin(f: ResourceFacts) -> str:
    return f"the {f.resource.name} resource's own data-class tag"


def _copied(
    f: ResourceFacts, source: ResourceFacts | None, missing_source: str | None
) -> tuple[DataClass | None, str, str | None, str | None]:
    """(class, where the class came from, why it is unknown, collection) of the data being copied."""
    if missing_source is not None:
        return None, f"source {missing_source}", "it is not in this stack", None
    if source is not None:
        classes = effective(source) if source is not f else {}
        travelling = max(classes, key=strictness) if classes else None
        if travelling is not None and travelling is not source.data_class and source.data_class is not None:
            # What the source received is stricter than its own label: the copy carries that.
            return travelling, f"source {source.resource.name}: {classes[travelling]}", None, source.collection
        return source.data_class, f"source {source.resource.name}", source.class_problem, source.collection
    if f.received:
        # The source is outside the stack: its class is what flowed in (known to the gate, else most restricted).
        data_class = max(f.received, key=strictness)
        return data_class, f.received[data_class], None, f.collection
    own = carried(f) if f.data_class is None else None
    if own is not None:
        return own[0], own[1], None, f.collection
    return f.data_class, own_class_origin(f), f.class_problem, f.collection


def edge(
    f: ResourceFacts,
    mechanism: str,
    *,
    source: ResourceFacts | None = None,
    source_region: str | None = None,
    destination_region: str | None = None,
    target: object = "",
    source_problem: str | None = None,
    destination_problem: str | None = None,
    open_destination: bool = False,
    missing_source: str | None = None,
    source_outside: bool = False,
) -> CopyEdge:
    """Build an edge. The copied class is the source's when the source is known, else the resource's own tag."""
    data_class, origin, class_problem, collection = _copied(f, source, missing_source)
    src_region = source_region or (source.region if source is not None else None)
    problems = []
    if data_class is None:
        problems.append(f"the class of the copied data is unknown ({origin}: {class_problem})")
    if src_region is None:
        problems.append(source_problem or "the source region cannot be determined")
    if destination_region is None and not open_destination:
        problems.append(destination_problem or f"the destination region of {target or 'the copy'} cannot be determined")
    return CopyEdge(
        mechanism=mechanism,
        urn=f.urn,
        source_region=src_region,
        destination_region=destination_region,
        data_class=data_class,
        class_origin=origin,
        target="unknown during preview" if is_unknown(target) else str(target or ""),
        problem="; ".join(problems) or None,
        open_destination=open_destination,
        source_outside=source_outside,
        collection=collection,
    )
