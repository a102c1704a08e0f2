"""GitHub Actions workflow commands: one ::error (mandatory) or ::warning (advisory) per violation."""

from collections import Counter

from residency.model.findings import Finding
from residency.report import Report
from residency.reporters.common import remediation, rows_by_urn, subject, verdict_line, waiver_text, weakened_line
from residency.reporters.locations import locate

ANNOTATIONS_PER_KIND = 10
"""GitHub shows at most 10 error and 10 warning annotations per step; the rest go to the step summary."""


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(v: Finding) -> str:
    if v.waiver:
        return f"{v.message} (waived by {waiver_text(v)})"
    fix = remediation(v.policy)
    return f"{v.message}\nFix: {fix}" if fix else v.message


def render(result: Report) -> str:
    if result.error is not None:
        return f"::error title=residency {escape_property(result.stack)} could not run::{escape_data(result.error)}\n"
    rows = rows_by_urn(result)
    lines = []
    weakened = weakened_line(result)
    if weakened:
        lines.append(f"::warning title={escape_property('core policy weakened')}::{escape_data(weakened)}")
    shown: Counter[str] = Counter()
    hidden = 0
    for v in sorted(result.violations, key=Finding.sort_key):
        command = "notice" if v.waiver else "error" if v.blocking else "warning"
        if shown[command] >= ANNOTATIONS_PER_KIND:
            hidden += 1
            continue
        shown[command] += 1
        title = escape_property(f"{v.policy} ({subject(v, rows)})")
        primary, _ = locate(result, v, rows)
        where = f"file={escape_property(primary.path)},line={primary.line}," if primary else ""
        lines.append(f"::{command} {where}title={title}::{escape_data(_message(v))}")
    if hidden:
        more = f"{hidden} more finding(s) not annotated (GitHub shows {ANNOTATIONS_PER_KIND} per kind and step)"
        lines.append(f"::warning title=residency {escape_property(result.stack)}::{more}: see the step summary.")
    lines.append(f"::notice title=residency {escape_property(result.stack)}::{escape_data(verdict_line(result))}")
    return "\n".join(lines) + "\n"
