"""Renderers of a live audit; sarif, junit, markdown and github render its neutral `Report`."""

from collections.abc import Callable

from residency.audit.report import to_report
from residency.audit.runner import AuditResult
from residency.reporters import REPORTERS
from residency.reporters.audit import json_report, text

AuditReporter = Callable[[AuditResult], str]


def _via_report(fmt: str) -> AuditReporter:
    return lambda result: REPORTERS[fmt](to_report(result))


AUDIT_REPORTERS: dict[str, AuditReporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": _via_report("sarif"),
    "junit": _via_report("junit"),
    "markdown": _via_report("markdown"),
    "github": _via_report("github"),
}
