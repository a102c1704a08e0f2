"""Cross-region copy mechanisms: each extractor turns one resource into the copy edges it sets up."""

from collections.abc import Callable

from residency.facts.copies import databases, keys, messaging, storage
from residency.facts.graph import Graph
from residency.facts.resource import CopyEdge, ResourceFacts

Extractor = Callable[[ResourceFacts, Graph], list[CopyEdge]]

EXTRACTORS: dict[str, Extractor] = {
    **storage.EXTRACTORS,
    **databases.EXTRACTORS,
    **messaging.EXTRACTORS,
    **keys.EXTRACTORS,
}

COPY_MECHANISM_TYPES = frozenset(EXTRACTORS)


def copy_edges(f: ResourceFacts, graph: Graph) -> list[CopyEdge]:
    extractor = EXTRACTORS.get(f.type)
    return extractor(f, graph) if extractor else []
