"""Every cross-region copy has an allowed source class, destination and SCC; no copy lands under a weaker label.

Copies are the precise mechanisms (replication, global tables, snapshot copies...) and every reference a
resource's inputs make to data in another region. A store labelled weaker than a class it receives is a
relabelled copy; a resource whose effect the pack cannot see that takes restricted data is could-not-evaluate.
"""

from collections.abc import Iterator, Sequence

from residency.facts.flow import assumed, effective
from residency.facts.resource import CopyEdge, ResourceFacts
from residency.model.catalogue import Role
from residency.model.data_classes import MOST_RESTRICTED, DataClass
from residency.model.findings import Severity
from residency.model.regions import describe
from residency.rules.base import ALL_REGULATIONS, EVERY_CLASS, Rule, RuleContext, RuleMeta, Scope


def _judge(edge: CopyEdge, f: ResourceFacts, ctx: RuleContext) -> str | None:
    what = f"{edge.mechanism} on {f.resource.name}"
    if edge.problem:
        if edge.data_class is not None and ctx.posture.edge_verdict(edge.data_class, ctx.collection_of(f)).allowed:
            return None  # a class that may be anywhere (software artefacts) may also go somewhere unknown
        return (
            f"{what} copies data but cannot be verified: {edge.problem}. Point it at a resource of this stack in an "
            "allowed region, or at a region-bearing ARN."
        )
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
    fix = ""
    if edge.mechanism.startswith("reference in "):
        prop = edge.mechanism.removeprefix("reference in ")
        fix = f" Point {prop} at a resource in an allowed region, or remove the reference to {edge.target}."
    return f"{what}: {verdict.reason} (class from {edge.class_origin}).{fix}"


Weaker = dict[tuple[DataClass, DataClass, str | None], bool]


def _relabelled(f: ResourceFacts, ctx: RuleContext, weaker: Weaker) -> Iterator[str]:
    label = f.data_class
    if f.role is not Role.STORE or label is None:
        return
    collection = ctx.collection_of(f)
    for received, origin in sorted(f.received.items()):
        key = (label, received, collection.name if collection else None)
        if key not in weaker:
            weaker[key] = ctx.posture.is_weaker(label, received, collection)
        if weaker[key]:
            what = received.value
            if received is MOST_RESTRICTED and assumed(origin):
                what = f"data of undetermined class, judged as {received.value}"
            yield (
                f"{f.type} {f.resource.name} is labelled {label.value} but receives {what} ({origin}): "
                f"a copy labelled weaker than its data hides where the data really is. Label it {received.value} "
                "or stop the flow."
            )


def _opaque(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.role is not Role.OPAQUE or f.resource.provider is None:
        return
    seen: set[str] = set()
    for ref in f.references:
        if ref.place or ref.shown in seen:
            continue
        seen.add(ref.shown)
        classes = effective(ref.target) if ref.target is not None else None
        restricted = sorted(
            c.value for c in (classes or {}) if not ctx.posture.edge_verdict(c, ctx.collection_of(f)).allowed
        )
        if classes is None or restricted:
            held = ", ".join(restricted) if restricted else "data of unknown class"
            yield (
                f"{f.type} {f.resource.name} takes {ref.shown} ({held}) in property {ref.prop}, and the pack cannot "
                f"see what a {f.type.split(':', 1)[0]} resource does with it: could not evaluate. Replace it with "
                "resources the pack can judge, or pass it no restricted data."
            )


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    weaker: Weaker = {}
    for f in facts:
        for edge in f.copies:
            message = _judge(edge, f, ctx)
            if message:
                yield f.urn, message
        for message in (*_relabelled(f, ctx, weaker), *_opaque(f, ctx)):
            yield f.urn, message


RULE = Rule(
    RuleMeta(
        name="restrict-cross-region-replication",
        title="Cross-region copies only where the class, destination and SCC allow",
        description="Every cross-region copy mechanism copies a class that may go to its destination region.",
        severity=Severity.CRITICAL,
        scope=Scope.STACK,
        protects=EVERY_CLASS,
        regulations=ALL_REGULATIONS,
        remediation="Remove the copy, point it at id-jkt-1, or enable ID-SG with an SCC covering the destination.",
        compliant=(
            "# ID-SG with SCC-2026-014 covering sg-sin-1\n"
            'BucketReplication("kyc-to-sg", BucketReplicationArgs(source, singapore_replica))'
        ),
        violating=(
            "# dataResidency: ID-only\n"
            'aws.s3.BucketReplicationConfig("out", bucket=kyc.id, role=role.arn,\n'
            '    rules=[{"status": "Enabled", "destination": {"bucket": "arn:aws:s3:::kyc-replica-sg"}}'
            "])"
        ),
    ),
    check_stack=check_stack,
)
