"""The residency rule set: one rule per file, the file named after the policy."""

from collections.abc import Sequence

from residency.facts.resource import ResourceFacts
from residency.model.exceptions import EXCEPTIONS_KEY, decide
from residency.model.findings import Finding, Level
from residency.rules import (
    configure_retention,
    disallow_public_access,
    enable_deletion_protection,
    enable_object_lock,
    enforce_kms_same_region,
    enforce_volume_region_topology,
    require_data_class_tag,
    require_data_movement_audit_trail,
    require_export_guard,
    require_valid_exceptions,
    require_valid_residency_settings,
    restrict_cross_region_replication,
    restrict_data_class_region,
)
from residency.rules.base import Rule, RuleContext

RULES: tuple[Rule, ...] = (
    require_data_class_tag.RULE,
    restrict_data_class_region.RULE,
    restrict_cross_region_replication.RULE,
    enforce_kms_same_region.RULE,
    enable_deletion_protection.RULE,
    configure_retention.RULE,
    enable_object_lock.RULE,
    disallow_public_access.RULE,
    require_data_movement_audit_trail.RULE,
    enforce_volume_region_topology.RULE,
    require_export_guard.RULE,
    require_valid_residency_settings.RULE,
    require_valid_exceptions.RULE,
)

CORE_POLICIES = (
    "require-data-class-tag",
    "restrict-data-class-region",
    "restrict-cross-region-replication",
    "require-valid-residency-settings",
    "require-valid-exceptions",
)
"""The residency core: switching one off or down to advisory is reported in every output, never silent."""


EXCEPTIONS_POLICY = "residency-exceptions"
"""The advisory channel that shows waived findings and stale exceptions (in the pack, under the real CLI too)."""


def identifiers(f: ResourceFacts | None, urn: str | None) -> tuple[str, ...]:
    """What an exception's `resource` may name: the URN, or (for the audit and state files) the ARN."""
    ids = [urn or ""]
    if f is not None:
        for source in (f.resource.outputs, f.resource.props):
            arn = source.get("arn") if isinstance(source, dict) else None
            if isinstance(arn, str):
                ids.append(arn)
    return tuple(i for i in ids if i)


def judge(rule: Rule, urn: str | None, message: str, f: ResourceFacts | None, ctx: RuleContext) -> Finding:
    """One finding of `rule`, waived by a matching exception in force, or naming the exception it refused."""
    decision = decide(ctx.exceptions, rule.name, identifiers(f, urn), f.data_class if f else None, ctx.posture.today)
    if decision.refused:
        message = f"{message} ({decision.refused})"
    return Finding(
        rule.name,
        rule.meta.level,
        message,
        urn,
        f.type if f else None,
        f.region if f else None,
        f.data_class.value if f and f.data_class else None,
        waiver=decision.waiver,
    )


def stale_exceptions(findings: Sequence[Finding], ctx: RuleContext) -> list[Finding]:
    """Exceptions in force that waived nothing: reported so that they are removed, never left to match later."""
    used = {f.waiver.index for f in findings if f.waiver is not None}
    out = []
    for index, entry in enumerate(ctx.exceptions):
        if index in used or entry.expires < ctx.posture.today:
            continue
        if any(entry.matches(f.policy, (f.urn or "",)) for f in findings):
            continue  # it matched, but was refused: the finding already names it
        out.append(
            Finding(
                EXCEPTIONS_POLICY,
                Level.ADVISORY,
                f"stale: {EXCEPTIONS_KEY}[{index}] ({entry.ticket}) waives {entry.policy} on {entry.resource} but "
                "matches no finding; remove it",
            )
        )
    return out


RESIDENCY_RULES = frozenset(
    {
        "require-data-class-tag",
        "restrict-data-class-region",
        "restrict-cross-region-replication",
        "enforce-volume-region-topology",
        "require-data-movement-audit-trail",
        "require-valid-residency-settings",
        "require-valid-exceptions",
    }
)
"""Where data is and where it goes: what `residency audit --rules residency` judges (the hygiene rules aside)."""


def evaluate(facts: Sequence[ResourceFacts], ctx: RuleContext, only: frozenset[str] | None = None) -> list[Finding]:
    """Run every enabled rule at its own level; used by the diff and the audit (the pack goes through CrossGuard)."""
    by_urn = {f.urn: f for f in facts}
    findings = []
    for rule in RULES:
        level = rule.meta.level
        if level is Level.DISABLED or (only is not None and rule.name not in only):
            continue
        for urn, message in rule.run(facts, ctx):
            findings.append(judge(rule, urn, message, by_urn.get(urn) if urn else None, ctx))
    return findings + stale_exceptions(findings, ctx)
