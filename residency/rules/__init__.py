"""The residency rule set: one rule per file, the file named after the policy."""

from collections.abc import Sequence

from residency.facts.resource import ResourceFacts
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
)

CORE_POLICIES = (
    "require-data-class-tag",
    "restrict-data-class-region",
    "restrict-cross-region-replication",
    "require-valid-residency-settings",
)
"""The residency core: switching one off or down to advisory is reported in every output, never silent."""


def evaluate(facts: Sequence[ResourceFacts], ctx: RuleContext) -> list[Finding]:
    """Run every enabled rule at its own level; used by the diff and the audit (the pack goes through CrossGuard)."""
    by_urn = {f.urn: f for f in facts}
    findings = []
    for rule in RULES:
        level = rule.meta.level
        if level is Level.DISABLED:
            continue
        for urn, message in rule.run(facts, ctx):
            f = by_urn.get(urn) if urn else None
            findings.append(
                Finding(
                    rule.name,
                    level,
                    message,
                    urn,
                    f.type if f else None,
                    f.region if f else None,
                    f.data_class.value if f and f.data_class else None,
                )
            )
    return findings
