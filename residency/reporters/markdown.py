"""A PR comment: verdict and counts first, data stores by class, violations in a collapsible section."""

from collections import Counter

from residency.report import Report, ResourceRow
from residency.reporters.common import (
    open_findings,
    remediation,
    rows_by_urn,
    subject,
    verdict_line,
    waived,
    weakened_line,
)

COMMENT_LIMIT = 65_536
"""GitHub's limit on a pull-request comment body, in characters."""
_RESERVE = 2_000
"""Room kept for the closing lines, the truncation notice and the footer."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(result: Report) -> str:
    if result.error is not None:
        title = f"### :x: Residency gate could not run: `{result.project}` / `{result.stack}`"
        return f"{title}\n\n**{_cell(result.error)}**\n\nNothing was judged; fix the input and run it again.\n"
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
        found = open_findings(result)  # most severe first, so truncation drops the least severe
        budget = COMMENT_LIMIT - _RESERVE - len("\n".join(lines)) - _waived_size(result)
        for index, v in enumerate(found):
            fix = remediation(v.policy)
            message = _cell(v.message) + (f"<br>**Fix:** {_cell(fix)}" if fix else "")
            row = f"| {v.level} | `{v.policy}` | {_cell(subject(v, rows))} | {message} |"
            budget -= len(row) + 1
            if budget < 0:
                lines += ["", f"… {len(found) - index} more in the SARIF report and the workflow artifact."]
                break
            lines.append(row)
        lines += ["", "</details>", ""]
    lines += _waived_lines(result, rows)
    lines.append(f"<sub>{result.provenance()}</sub>")
    return "\n".join(lines) + "\n"


def _waived_size(result: Report) -> int:
    return min(len("\n".join(_waived_lines(result, rows_by_urn(result)))), COMMENT_LIMIT // 4)


def _waived_lines(result: Report, rows: dict[str, ResourceRow]) -> list[str]:
    lines: list[str] = []
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
    if len("\n".join(lines)) > COMMENT_LIMIT // 4:
        kept = [line for line in lines if not line.startswith("| `")][:5]
        return [*kept, f"{len(waived(result))} waived findings: see the SARIF report.", "", "</details>", ""]
    return lines
