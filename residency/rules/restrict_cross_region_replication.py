"""Every cross-region copy has an allowed source class, destination and SCC."""

from collections.abc import Iterator, Sequence

from residency.facts.resource import CopyEdge, ResourceFacts
from residency.model.findings import Severity
from residency.model.regions import describe
from residency.rules.base import ALL_REGULATIONS, PERSONAL_CLASSES, Rule, RuleContext, RuleMeta, Scope


def _judge(edge: CopyEdge, f: ResourceFacts, ctx: RuleContext) -> str | None:
    what = f"{edge.mechanism} on {f.resource.name}"
    if edge.problem:
        return f"{what} copies data but cannot be verified: {edge.problem}."
    assert edge.data_class is not None and edge.source_region is not None
    collection = ctx.posture.settings.collection(edge.collection)
    if edge.open_destination:
        home = edge.source_region
        allowed = ctx.posture.allowed_regions(edge.data_class, collection)
        if any(
            ctx.posture.copy_verdict(edge.data_class, home, r.aws, collection).allowed
            for r in allowed.regions
            if r.aws != home
        ):
            return None
        return (
            f"{what} lets {edge.data_class.value} from {describe(home)} replicate to member regions outside "
            f"this stack, and {edge.data_class.value} may not be replicated cross-region under these settings."
        )
    assert edge.destination_region is not None
    verdict = ctx.posture.copy_verdict(edge.data_class, edge.source_region, edge.destination_region, collection)
    if verdict.allowed:
        return None
    return f"{what}: {verdict.reason} (class from {edge.class_origin})."


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    for f in facts:
        for edge in f.copies:
            message = _judge(edge, f, ctx)
            if message:
                yield f.urn, message


RULE = Rule(
    RuleMeta(
        name="restrict-cross-region-replication",
        title="Cross-region copies only where the class, destination and SCC allow",
        description="Every cross-region copy mechanism copies a class that may go to its destination region.",
        severity=Severity.CRITICAL,
        scope=Scope.STACK,
        protects=PERSONAL_CLASSES,
        regulations=ALL_REGULATIONS,
        remediation="Remove the copy, point it at id-jkt-1, or enable ID-SG with an SCC covering the destination.",
    ),
    check_stack=check_stack,
)
