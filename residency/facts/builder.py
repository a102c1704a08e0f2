"""Turn the resources of one stack (or one resource alone) into ResourceFacts."""

from collections.abc import Mapping, Sequence
from typing import Any

from residency.facts.copies import COPY_MECHANISM_TYPES, copy_edges
from residency.facts.data_class import COLLECTION_TAG, K8S_COLLECTION_LABEL, read_data_class, tags_of
from residency.facts.data_stores import is_data_store
from residency.facts.graph import Graph
from residency.facts.kubernetes import pinned_regions
from residency.facts.region import effective_region
from residency.facts.resource import ResourceFacts, ResourceInput


def base_facts(res: ResourceInput, stack_config: Mapping[str, Any], env: Mapping[str, str]) -> ResourceFacts:
    region, region_source = effective_region(res, stack_config, env)
    tags, tags_problem = tags_of(res.props)
    data_class, class_problem = read_data_class(tags, tags_problem)
    collection = tags.get(COLLECTION_TAG, tags.get(K8S_COLLECTION_LABEL))
    return ResourceFacts(
        resource=res,
        is_data_store=is_data_store(res.type),
        region=region,
        region_source=region_source,
        data_class=data_class,
        class_problem=class_problem,
        collection=collection if isinstance(collection, str) else None,
        tags=tags,
        pinned_regions=pinned_regions(res.type, res.props),
    )


def build_facts(
    resources: Sequence[ResourceInput], stack_config: Mapping[str, Any], env: Mapping[str, str]
) -> list[ResourceFacts]:
    facts = [base_facts(r, stack_config, env) for r in resources]
    graph = Graph(facts)
    for f in facts:
        if f.type in COPY_MECHANISM_TYPES:
            f.copies = copy_edges(f, graph)
    return facts
