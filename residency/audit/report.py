"""An audit's findings as the neutral `Report` every reporter renders (SARIF, JUnit, markdown, GitHub)."""

from residency.audit.runner import AUDITED, AuditResult
from residency.gate.rows import rows_from_facts
from residency.model.findings import Finding, Level
from residency.report import Origin, Report
from residency.rules import RULES

INCOMPLETE_POLICY = "audit-incomplete"


def to_report(result: AuditResult) -> Report:
    rows = rows_from_facts(result.facts, {r.urn: r.urn for r in result.resources})
    failed = [f"region {r} NOT AUDITED: {status}" for r, status in result.regions.items() if status != AUDITED]
    findings = list(result.findings) + [Finding(INCOMPLETE_POLICY, Level.MANDATORY, note) for note in failed]
    return Report(
        project=f"aws account {result.account}",
        stack="live",
        pack="residency audit",
        settings={},
        resources=rows,
        violations=sorted(findings, key=Finding.sort_key),
        notes=failed + result.notes,
        outputs={},
        policies=[r.name for r in RULES] + ([INCOMPLETE_POLICY] if failed else []),
        origin=Origin.AUDIT,
    )
