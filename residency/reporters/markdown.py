"""A PR comment: verdict and counts first, data stores by class, violations in a collapsible section."""

from collections import Counter

from residency.model.findings import Finding
from residency.report import Report
from residency.reporters.common import rows_by_urn, subject, verdict_line, weakened_line


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
    if result.violations:
        lines += [
            "<details open><summary>Policy violations</summary>",
            "",
            "| Level | Policy | Resource | Message |",
            "|---|---|---|---|",
        ]
        for v in sorted(result.violations, key=Finding.sort_key):
            lines.append(f"| {v.level} | `{v.policy}` | {_cell(subject(v, rows))} | {_cell(v.message)} |")
        lines += ["", "</details>", ""]
    lines.append(f"<sub>{result.provenance()}</sub>")
    return "\n".join(lines) + "\n"
