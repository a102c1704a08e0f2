"""A store's effective region is allowed for its class under the org (and collection) settings."""

from collections.abc import Iterator

from residency.facts.kubernetes import REGION_LABEL
from residency.facts.resource import ResourceFacts
from residency.model.findings import Severity
from residency.model.settings import PLATFORM_COLLECTION
from residency.rules.base import ALL_REGULATIONS, PERSONAL_CLASSES, Rule, RuleContext, RuleMeta, Scope


def _pinning(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    """A workload's pods must be pinned to the cluster's region; an unpinned pod may be scheduled anywhere."""
    if f.pinned_regions is None or f.region is None or f.data_class is None:
        return
    if not f.pinned_regions:
        yield (
            f"{f.resource.name} handles {f.data_class.value} but its pods are not pinned to a region "
            f"(nodeSelector or required affinity on {REGION_LABEL})."
        )
        return
    collection = ctx.collection_of(f)
    for region in f.pinned_regions:
        verdict = ctx.posture.placement_verdict(f.data_class, region, collection)
        if region != f.region or not verdict.allowed:
            reason = verdict.reason if not verdict.allowed else f"the cluster is in {f.region}"
            yield f"{f.resource.name}: pods pinned to {region}, but {reason}."


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.data_class is None or not f.type.startswith(("aws:", "kubernetes:")):
        return
    if f.collection not in (None, PLATFORM_COLLECTION) and ctx.collection_of(f) is None:
        yield (
            f"{f.resource.name} is tagged collection {f.collection!r}, which residency:collections does not "
            "declare, so its residency cannot be determined."
        )
        return
    if f.region is None:
        yield f"{f.resource.name} holds {f.data_class.value} but its region cannot be determined: {f.region_source}."
        return
    verdict = ctx.posture.placement_verdict(f.data_class, f.region, ctx.collection_of(f))
    if not verdict.allowed:
        yield f"{f.resource.name}: {verdict.reason} (region from {f.region_source})."
        return
    yield from _pinning(f, ctx)


RULE = Rule(
    RuleMeta(
        name="restrict-data-class-region",
        title="Data stays in the regions its class allows",
        description="Each resource's effective region is allowed for its data class under the residency settings.",
        severity=Severity.CRITICAL,
        scope=Scope.RESOURCE,
        protects=PERSONAL_CLASSES,
        regulations=ALL_REGULATIONS,
        remediation="Deploy the resource with the provider of an allowed region, or change the org settings.",
    ),
    check=check,
)
