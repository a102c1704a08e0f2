"""Turn the resources of one stack (or one resource alone) into ResourceFacts."""

from collections.abc import Mapping, Sequence
from typing import Any

from residency.facts.copies import COPY_MECHANISM_TYPES, copy_edges
from residency.facts.data_class import COLLECTION_TAG, K8S_COLLECTION_LABEL, read_data_class, tags_of
from residency.facts.flow import KnownClasses, flow_edges, propagate, scan
from residency.facts.graph import Graph
from residency.facts.kubernetes import DATA_TYPES as K8S_DATA_TYPES
from residency.facts.kubernetes import pinned_regions
from residency.facts.parts import place_parts
from residency.facts.region import effective_region
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.model.catalogue import Role, entry_for


def base_facts(res: ResourceInput, stack_config: Mapping[str, Any], env: Mapping[str, str]) -> ResourceFacts:
    region, region_source = effective_region(res, stack_config, env)
    tags, tags_problem = tags_of(res.props, res.provider)
    declared = read_data_class(tags, tags_problem, kubernetes=res.type.startswith("kubernetes:"))
    collection = tags.get(COLLECTION_TAG, tags.get(K8S_COLLECTION_LABEL))
    entry = entry_for(res.type)
    return ResourceFacts(
        resource=res,
        is_data_store=entry.role is Role.STORE if res.type.startswith("aws:") else res.type in K8S_DATA_TYPES,
        region=region,
        region_source=region_source,
        data_class=declared.data_class,
        class_problem=declared.problem,
        collection=collection if isinstance(collection, str) else None,
        tags=tags,
        pinned_regions=pinned_regions(res.type, res.props),
        entry=entry,
        near_miss=declared.near_miss,
    )


def build_facts(
    resources: Sequence[ResourceInput],
    stack_config: Mapping[str, Any],
    env: Mapping[str, str],
    known: KnownClasses | None = None,
) -> list[ResourceFacts]:
    known = known or {}
    facts = [base_facts(r, stack_config, env) for r in resources]
    graph = Graph(facts)
    scan(facts, graph)
    place_parts(facts)
    propagate(facts, known)
    for f in facts:
        precise = copy_edges(f, graph) if f.type in COPY_MECHANISM_TYPES else []
        f.copies = precise + flow_edges(f, known, precise)
    return facts
