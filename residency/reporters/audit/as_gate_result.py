"""Present an audit as a gate result, so the SARIF, JUnit, markdown and GitHub reporters serve both."""

from residency.audit.runner import AUDITED, AuditResult
from residency.gate.result import GateResult, Violation
from residency.gate.rows import rows_from_facts
from residency.rules import RULES


def convert(result: AuditResult) -> GateResult:
    rows = rows_from_facts(result.facts, {r.urn: r.urn for r in result.resources})
    violations = [Violation(f.policy, f.level.value, f.urn, f.message) for f in result.findings]
    failed = [f"region {r} NOT AUDITED: {status}" for r, status in result.regions.items() if status != AUDITED]
    violations += [Violation("audit-incomplete", "mandatory", None, note) for note in failed]
    return GateResult(
        project=f"aws account {result.account}",
        stack="live",
        pack="residency audit",
        settings={},
        resources=rows,
        violations=violations,
        notes=failed + result.notes,
        outputs={},
        policies=[r.name for r in RULES] + (["audit-incomplete"] if failed else []),
    )
