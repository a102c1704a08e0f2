"""Small helpers the reporters share: short resource labels and the rule metadata by policy name."""

from residency.model.findings import Finding
from residency.report import Report, ResourceRow
from residency.rule_docs import help_uri
from residency.rules import RULES
from residency.rules.base import RuleMeta

RULE_META: dict[str, RuleMeta] = {r.name: r.meta for r in RULES}


def rows_by_urn(result: Report) -> dict[str, ResourceRow]:
    return {r.urn: r for r in result.resources}


def subject(v: Finding, rows: dict[str, ResourceRow]) -> str:
    row = rows.get(v.urn or "")
    return f"{row.type} {row.name}" if row else (v.urn or "stack")


def remediation(policy: str) -> str | None:
    """How to fix a finding of this policy, with the link to its page (None for the gate's own checks)."""
    meta = RULE_META.get(policy)
    return f"{meta.remediation} See {help_uri(policy)}" if meta else None


def weakened_line(result: Report) -> str | None:
    """One sentence naming every core residency policy the policy pack config switched off or down."""
    if not result.weakened_policies:
        return None
    parts = [f"{w['policy']} is {w['level']} (default {w['default']})" for w in result.weakened_policies]
    return "CORE POLICY WEAKENED by the policy pack config: " + "; ".join(parts) + ": its violations do not block."


def waived(result: Report) -> list[Finding]:
    return sorted((v for v in result.violations if v.waiver is not None), key=Finding.sort_key)


def open_findings(result: Report) -> list[Finding]:
    """Findings no exception accepted, blocking first and residency before hygiene."""
    return sorted((v for v in result.violations if v.waiver is None), key=Finding.sort_key)


def waiver_text(v: Finding) -> str:
    assert v.waiver is not None
    return f"{v.waiver.key}: {v.waiver.entry.describe()}"


def verdict_line(result: Report) -> str:
    mandatory = len(result.mandatory)
    accepted = len(waived(result))
    advisory = len(result.violations) - mandatory - accepted
    tail = f", {accepted} waived by exception" if accepted else ""
    if mandatory:
        return f"BLOCKED: {mandatory} mandatory and {advisory} advisory violation(s){tail}"
    return f"PASSED: no mandatory violation ({advisory} advisory{tail})"
