"""Every resource that holds or handles data sits in a region its effective classes allow.

The effective classes are the declared one plus every class the resource receives; undeclared means the most
restricted class. A `global` resource has no region: it is judged as serving its classes from edge locations.
"""

from collections.abc import Iterator, Sequence

from residency.facts.data_class import declared_anywhere
from residency.facts.flow import assumed, effective
from residency.facts.kubernetes import REGION_LABEL
from residency.facts.plugin_source import untrusted_plugin
from residency.facts.resource import ResourceFacts
from residency.model.catalogue import Role
from residency.model.data_classes import DataClass, parse_data_class
from residency.model.findings import Severity
from residency.model.settings import PLATFORM_COLLECTION
from residency.rules.base import ALL_REGULATIONS, EVERY_CLASS, Rule, RuleContext, RuleMeta, Scope

JUDGED = ("aws:", "kubernetes:")


def _pinning(f: ResourceFacts, data_class: DataClass, ctx: RuleContext) -> Iterator[str]:
    """A workload's pods must be pinned to the cluster's region; an unpinned pod may be scheduled anywhere."""
    if f.pinned_regions is None or f.region is None:
        return
    if not f.pinned_regions:
        yield (
            f"{f.resource.name} handles {data_class.value} but its pods are not pinned to a region "
            f"(a nodeSelector on {REGION_LABEL}, or an In on it in every required nodeSelectorTerm: the terms "
            "are ORed)."
        )
        return
    collection = ctx.collection_of(f)
    for region in f.pinned_regions:
        verdict = ctx.posture.placement_verdict(data_class, region, collection)
        if region != f.region or not verdict.allowed:
            reason = verdict.reason if not verdict.allowed else f"the cluster is in {f.region}"
            yield f"{f.resource.name}: pods pinned to {region}, but {reason}."


def _global(f: ResourceFacts, classes: dict[DataClass, str], ctx: RuleContext) -> Iterator[str]:
    for data_class, origin in sorted(classes.items()):
        verdict = ctx.posture.edge_verdict(data_class, ctx.collection_of(f))
        if not verdict.allowed:
            yield (
                f"{f.type} {f.resource.name} has no single region (it serves from edge locations worldwide) and "
                f"fronts {data_class.value} ({origin}): {verdict.reason}. Serve it from a regional endpoint in "
                "id-jkt-1, or front only software-artifact data."
            )


def _opaque_holder(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    """A resource of a package the pack cannot read (another cloud, AWS Native, a dynamic provider) that declares a
    data class holds that data somewhere the pack cannot place: could not evaluate, unless the class may be
    anywhere."""
    declared = sorted(set(declared_anywhere(f.props)))
    held = [(v, parse_data_class(v)) for v in declared]
    shown = [
        v if c is not None else f"{v!r} (not a known class: judged as the most restricted)"
        for v, c in held
        if c is None or not ctx.posture.edge_verdict(c, ctx.collection_of(f)).allowed
    ]
    if shown:
        package = f.type.split(":", 1)[0]
        yield (
            f"{f.type} {f.resource.name} declares data class {', '.join(shown)}, but the pack cannot read where "
            f"package {package} keeps its data: could not evaluate. Keep this class in AWS resources the pack can "
            "judge in id-jkt-1."
        )


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    unjudged = untrusted_plugin(f.resource.provider) if not f.type.startswith("pulumi:") else None
    if unjudged is not None:
        yield f"{f.resource.name}: {unjudged}: could not evaluate. Use the provider from Pulumi's releases."
        return
    if f.role is Role.OPAQUE and f.resource.provider is not None:
        yield from _opaque_holder(f, ctx)
        return
    if not f.type.startswith(JUDGED) or f.role is Role.CONTROL:
        return
    classes = effective(f)
    if not classes:
        return  # started by a schedule and naming no data: it carries nothing
    if f.collection not in (None, PLATFORM_COLLECTION) and ctx.collection_of(f) is None:
        yield (
            f"{f.resource.name} is tagged collection {f.collection!r}, which residency:collections does not "
            "declare, so its residency cannot be determined."
        )
        return
    if f.role is Role.GLOBAL:
        yield from _global(f, classes, ctx)
        return
    if f.region is None:
        # a class the pack assumed says why, so the owner knows tagging it is half the fix
        shown = ", ".join(
            f"{c.value} ({origin})" if assumed(origin) else c.value for c, origin in sorted(classes.items())
        )
        yield f"{f.resource.name} holds {shown} but its region cannot be determined: {f.region_source}."
        return
    for data_class, origin in sorted(classes.items()):
        verdict = ctx.posture.placement_verdict(data_class, f.region, ctx.collection_of(f))
        if not verdict.allowed:
            fix = (
                "Tag it with the data class it really holds, or deploy it in an allowed region."
                if assumed(origin)
                else "Deploy it in an allowed region, or stop the flow that brings this class in."
                if origin not in (f"{f.resource.name}'s data-class tag",)
                else "Deploy it with the provider of an allowed region."
            )
            yield f"{f.resource.name}: {verdict.reason} (region from {f.region_source}; class from {origin}). {fix}"
            return
    first = f.data_class or sorted(classes)[0]
    yield from _pinning(f, first, ctx)


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    for f in facts:
        for message in check(f, ctx):
            yield f.urn, message


RULE = Rule(
    RuleMeta(
        name="restrict-data-class-region",
        title="Data stays in the regions its class allows",
        description=(
            "Each resource that holds, reads or fronts data sits in a region allowed for every class it holds or "
            "receives; undeclared data counts as the most restricted class."
        ),
        severity=Severity.CRITICAL,
        scope=Scope.STACK,
        protects=EVERY_CLASS,
        regulations=ALL_REGULATIONS,
        remediation=(
            "Deploy the resource with the provider of an allowed region, tag it with its real data class, or change "
            "the org settings."
        ),
        compliant=(
            'aws.s3.Bucket("kyc", tags={"data-class": "customer-pii"}, opts=pulumi.ResourceOptions(provider=jakarta))'
        ),
        violating=(
            'aws.s3.Bucket("kyc", tags={"data-class": "customer-pii"}, opts=pulumi.ResourceOptions(provider=virginia))'
        ),
    ),
    check_stack=check_stack,
)
