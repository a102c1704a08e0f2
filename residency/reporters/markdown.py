"""A PR comment: verdict and counts first, data stores by class, violations in a collapsible section."""

from collections import Counter

from residency.report import Report
from residency.reporters.common import (
    open_findings,
    remediation,
    rows_by_urn,
    subject,
    verdict_line,
    waived,
    weakened_line,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(result: Report) -> str:
    rows = rows_by_urn(result)
    icon = ":no_entry:" if result.mandatory else ":white_check_mark:"
    lines = [f"### {icon} Residency gate: `{result.project}` / `{result.stack}`", ""]
    weakened = weakened_line(result)
    if weakened:
        lines += [f"> :warning: **{_cell(weakened)}**", ""]
    lines += [f"**{verdict_line(result)}**", ""]
    stores = Counter((r.data_class or "unknown", r.region or "unknown") for r in result.resources if r.is_data_store)
    if stores:
        lines += ["| Data class | Region | Data stores |", "|---|---|---|"]
        lines += [f"| {cls} | {region} | {n} |" for (cls, region), n in sorted(stores.items())]
        lines.append("")
    if open_findings(result):
        lines += [
            "<details open><summary>Policy violations</summary>",
            "",
            "| Level | Policy | Resource | Message |",
            "|---|---|---|---|",
        ]
        for v in open_findings(result):
            fix = remediation(v.policy)
            message = _cell(v.message) + (f"<br>**Fix:** {_cell(fix)}" if fix else "")
            lines.append(f"| {v.level} | `{v.policy}` | {_cell(subject(v, rows))} | {message} |")
        lines += ["", "</details>", ""]
    if waived(result):
        lines += [
            "<details><summary>Waived by exception (not blocking)</summary>",
            "",
            "| Policy | Resource | Exception | Ticket | Approved by | Expires | Reason |",
            "|---|---|---|---|---|---|---|",
        ]
        for v in waived(result):
            assert v.waiver is not None
            e = v.waiver.entry
            lines.append(
                f"| `{v.policy}` | {_cell(subject(v, rows))} | `{v.waiver.key}` | {_cell(e.ticket)} | "
                f"{_cell(e.approved_by)} | {e.expires} | {_cell(e.reason)} |"
            )
        lines += ["", "</details>", ""]
    lines.append(f"<sub>{result.provenance()}</sub>")
    return "\n".join(lines) + "\n"
