"""Plain-text audit report: regions first (what was and was not audited), then findings by policy."""

from itertools import groupby

from residency.audit.runner import AUDITED, AuditResult
from residency.reporters.common import remediation


def render(result: AuditResult) -> str:
    lines = [f"Residency audit of AWS account {result.account}", "", "Regions:"]
    lines += [f"    {r:<16}{status}" for r, status in sorted(result.regions.items())]
    lines += ["", f"Resources read: {len(result.resources)}"]
    findings = sorted(result.findings, key=lambda f: f.sort_key())
    if findings:
        lines += ["", "Findings:"]
        for policy, group in groupby(findings, key=lambda f: f.policy):
            lines.append(f"  {policy}")
            lines += [f"    [{f.level.value}] {f.urn or 'account'}\n      {f.message}" for f in group]
            fix = remediation(policy)
            lines += [f"    fix: {fix}"] if fix else []
    lines += [f"note: {n}" for n in result.notes]
    failed = [r for r, s in result.regions.items() if s != AUDITED]
    if failed:
        verdict = f"INCOMPLETE: {len(failed)} region(s) not audited ({', '.join(sorted(failed))}); not a clean result"
    elif result.unevaluated:
        verdict = (
            f"INCOMPLETE: {len(result.unevaluated)} resource(s) of types no collector reads were judged on region "
            "and tags only; not a clean result"
        )
    elif any(f.blocking for f in result.findings):
        verdict = f"VIOLATIONS: {sum(f.blocking for f in result.findings)} mandatory finding(s)"
    else:
        verdict = "CLEAN: no mandatory finding in the audited regions"
    return "\n".join([*lines, "", verdict]) + "\n"
