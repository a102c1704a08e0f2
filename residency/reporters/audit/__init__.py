"""Renderers of a live audit; sarif, junit, markdown and github reuse the gate's reporters."""

from collections.abc import Callable

from residency.audit.runner import AuditResult
from residency.reporters import REPORTERS
from residency.reporters.audit import as_gate_result, json_report, text

AuditReporter = Callable[[AuditResult], str]


def _via_gate(fmt: str) -> AuditReporter:
    return lambda result: REPORTERS[fmt](as_gate_result.convert(result))


AUDIT_REPORTERS: dict[str, AuditReporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": _via_gate("sarif"),
    "junit": _via_gate("junit"),
    "markdown": _via_gate("markdown"),
    "github": _via_gate("github"),
}
