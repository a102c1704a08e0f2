"""GitHub Actions workflow commands: one ::error (mandatory) or ::warning (advisory) per violation."""

from residency.model.findings import Finding
from residency.report import Report
from residency.reporters.common import remediation, rows_by_urn, subject, verdict_line, waiver_text, weakened_line
from residency.reporters.locations import locate


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
    rows = rows_by_urn(result)
    lines = []
    weakened = weakened_line(result)
    if weakened:
        lines.append(f"::warning title={escape_property('core policy weakened')}::{escape_data(weakened)}")
    for v in result.violations:
        command = "notice" if v.waiver else "error" if v.blocking else "warning"
        title = escape_property(f"{v.policy} ({subject(v, rows)})")
        primary, _ = locate(result, v)
        where = f"file={escape_property(primary.path)},line={primary.line}," if primary else ""
        lines.append(f"::{command} {where}title={title}::{escape_data(_message(v))}")
    lines.append(f"::notice title=residency {escape_property(result.stack)}::{escape_data(verdict_line(result))}")
    return "\n".join(lines) + "\n"
