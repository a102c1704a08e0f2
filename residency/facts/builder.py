"""Turn the resources of one stack (or one resource alone) into ResourceFacts."""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from residency.facts.cluster_exits import EXIT, cluster_exit
from residency.facts.copies import COPY_MECHANISM_TYPES, copy_edges
from residency.facts.data_class import (
    COLLECTION_TAG,
    K8S_COLLECTION_LABEL,
    K8S_LABEL,
    TAG_KEY,
    DeclaredClass,
    default_tags,
    read_data_class,
    tags_of,
)
from residency.facts.edge_endpoints import edge_entry
from residency.facts.flow import KnownClasses, flow_edges, propagate, scan
from residency.facts.graph import Graph
from residency.facts.injected_settings import injected_references
from residency.facts.kubernetes import DATA_TYPES as K8S_DATA_TYPES
from residency.facts.kubernetes import pinned_regions
from residency.facts.network_volumes import place_volumes
from residency.facts.off_region import place_off_region
from residency.facts.parts import place_parts
from residency.facts.pod_dns import dns_overrides
from residency.facts.privatelink import CONDUIT, conduit
from residency.facts.references import ReferenceScanner
from residency.facts.region import effective_region
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.facts.saas_destinations import saas_references
from residency.facts.templates import hidden_template
from residency.facts.triggers import clock_started
from residency.facts.workload_settings import mark_workload_settings
from residency.model.catalogue import Role, TypeEntry, entry_for


def base_facts(res: ResourceInput, stack_config: Mapping[str, Any], env: Mapping[str, str]) -> ResourceFacts:
    region, region_source = effective_region(res, stack_config, env)
    tags, tags_problem = tags_of(res.props, res.provider)
    declared = read_data_class(tags, tags_problem, kubernetes=res.type.startswith("kubernetes:"))
    declared = _explain_stack_default_tags(res, stack_config, declared)
    collection = tags.get(COLLECTION_TAG, tags.get(K8S_COLLECTION_LABEL))
    entry = _labelled_store(res.type, tags, declared, tags_problem) or edge_entry(res) or entry_for(res.type)
    leads_out = conduit(res, region)
    if leads_out is not None:
        entry, (region, region_source) = CONDUIT, leads_out
    leaves_cluster = cluster_exit(res, region)
    if leaves_cluster is not None:
        entry, (region, region_source) = EXIT, leaves_cluster
    unseen = hidden_template(res)
    if unseen is not None:
        region, region_source = None, unseen
    kubernetes_store = res.type in K8S_DATA_TYPES or entry.role is Role.STORE
    return ResourceFacts(
        resource=res,
        is_data_store=entry.role is Role.STORE if res.type.startswith("aws:") else kubernetes_store,
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


def _explain_stack_default_tags(
    res: ResourceInput, stack_config: Mapping[str, Any], declared: DeclaredClass
) -> DeclaredClass:
    """`aws:defaultTags` in stack config tags only what the default provider creates: say so when a resource of an
    explicit provider lacks the class the author put there, or the finding reads as if the config were ignored."""
    provider = res.provider
    if declared.data_class is not None or declared.problem != f"no {TAG_KEY!r} tag" or provider is None:
        return declared
    if provider.is_default or not res.type.startswith("aws:"):
        return declared
    stack_tags, _ = default_tags(stack_config.get("aws:defaultTags"), "stack config aws:defaultTags")
    if TAG_KEY not in stack_tags:
        return declared
    return replace(
        declared,
        problem=(
            f"{declared.problem} (stack config aws:defaultTags tags only what the default provider creates: "
            f"set default_tags on provider {provider.name}, or tag the resource)"
        ),
    )


def _labelled_store(
    token: str, tags: Mapping[str, Any], declared: DeclaredClass, tags_problem: str | None
) -> TypeEntry | None:
    """A Kubernetes object labelled with a data class holds data of that class, whatever its kind's catalogue role.

    The catalogue calls Secrets and ConfigMaps configuration, but a Secret labelled customer-pii keeps customer-pii
    in the cluster's etcd: judged as a store it is placed like one. A label that nearly names the key, or labels
    unknown during preview, may be hiding exactly that, so they count too (fail closed).
    """
    entry = entry_for(token)
    if not token.startswith("kubernetes:") or entry.role is not Role.CONTROL:
        return None
    if K8S_LABEL not in tags and declared.near_miss is None and tags_problem is None:
        return None
    return replace(entry, role=Role.STORE, why=f"labelled with a data class, so it holds data ({entry.why})")


def build_facts(
    resources: Sequence[ResourceInput],
    stack_config: Mapping[str, Any],
    env: Mapping[str, str],
    known: KnownClasses | None = None,
) -> list[ResourceFacts]:
    known = known or {}
    facts = [base_facts(r, stack_config, env) for r in resources]
    graph = Graph(facts)
    mark_workload_settings(facts)
    scan(facts, graph)
    scanner = ReferenceScanner(graph)
    for f in facts:
        injected = injected_references(f, scanner) if f.role is not Role.CONTROL else []
        f.references.extend(saas_references(f) + dns_overrides(f) + injected)
    place_parts(facts)
    place_volumes(facts, graph)
    place_off_region(facts, graph)
    for f in facts:
        f.clock_started = clock_started(f, graph)
    propagate(facts, known)
    for f in facts:
        precise = copy_edges(f, graph) if f.type in COPY_MECHANISM_TYPES else []
        f.copies = precise + flow_edges(f, known, precise)
    return facts
