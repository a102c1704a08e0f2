"""Persistent volumes of a data class come from a StorageClass whose allowed topologies stay in the cluster's region."""

from collections.abc import Iterator, Sequence
from typing import Any

from residency.facts.kubernetes import REGION_LABEL
from residency.facts.resource import ResourceFacts
from residency.facts.values import as_list, get_path, is_unknown, reveal
from residency.model.findings import Severity
from residency.rules.base import ALL_REGULATIONS, EVERY_CLASS, Rule, RuleContext, RuleMeta, Scope

PVC = "kubernetes:core/v1:PersistentVolumeClaim"
STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass"


def _topology_regions(storage_class: ResourceFacts) -> set[str]:
    """Regions volumes may be made in: empty when any allowedTopologies term leaves the region open.

    The terms are ORed (a volume may be provisioned where any one term matches), so every term must restrict the
    region; within a term the expressions are ANDed.
    """
    regions: set[str] = set()
    for term in as_list(reveal(storage_class.props.get("allowedTopologies"))):
        allowed = _term_regions(term)
        if allowed is None:
            return set()
        regions |= allowed
    return regions


def _term_regions(term: Any) -> set[str] | None:
    allowed: set[str] | None = None
    for expr in as_list(term.get("matchLabelExpressions") if isinstance(term, dict) else None):
        if isinstance(expr, dict) and expr.get("key") == REGION_LABEL:
            values = as_list(expr.get("values"))
            if not all(isinstance(v, str) and not is_unknown(v) for v in values):
                continue  # an unknown value could name any region
            allowed = set(values) if allowed is None else allowed & set(values)
    return allowed


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    classes = {get_path(reveal(f.props), "metadata", "name"): f for f in facts if f.type == STORAGE_CLASS}
    for f in facts:
        if f.type != PVC:
            continue
        # A claim whose class is undetermined is judged too: it counts as the most restricted class, and waiving
        # require-data-class-tag must not also switch off where its volumes are made.
        shown_class = f.data_class.value if f.data_class else "class undetermined"
        name = get_path(reveal(f.props), "spec", "storageClassName")
        storage_class = classes.get(name) if isinstance(name, str) else None
        if storage_class is None:
            sc_shown = repr(name) if isinstance(name, str) else "the cluster default"
            yield (
                f.urn,
                (
                    f"{f.resource.name} ({shown_class}) uses StorageClass {sc_shown}, which this stack does not "
                    "declare, so the region of its volumes cannot be verified."
                ),
            )
            continue
        regions = _topology_regions(storage_class)
        if not regions:
            yield (
                f.urn,
                (
                    f"{f.resource.name} ({shown_class}) uses StorageClass {name!r}, whose allowedTopologies "
                    f"do not restrict {REGION_LABEL}."
                ),
            )
        elif f.region is not None and regions != {f.region}:
            yield (
                f.urn,
                (
                    f"{f.resource.name} ({shown_class}) uses StorageClass {name!r} allowing "
                    f"{', '.join(sorted(regions))}; the cluster is in {f.region}."
                ),
            )


RULE = Rule(
    RuleMeta(
        name="enforce-volume-region-topology",
        title="Volumes stay in the cluster's region",
        description="Persistent volume claims of a data class use a StorageClass pinned to the cluster's region.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=EVERY_CLASS,
        regulations=ALL_REGULATIONS,
        remediation="Use a StorageClass whose allowedTopologies pin the region label to the cluster's region.",
        compliant=(
            'k8s.storage.v1.StorageClass("jkt", allowed_topologies=[{"match_label_expressions": [\n'
            '    {"key": "topology.kubernetes.io/region", "values": ["ap-southeast-3"]}]}])'
        ),
        violating=(
            'k8s.core.v1.PersistentVolumeClaim("pii", metadata={"labels": {"quantumelixir.tech/data-cla'
            'ss": "customer-pii"}},\n'
            '    spec={"storage_class_name": "gp3"})  # gp3 is not pinned to a region'
        ),
    ),
    check_stack=check_stack,
)
