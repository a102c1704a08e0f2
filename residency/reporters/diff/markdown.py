"""A PR comment: verdict table first, details collapsed, and a mermaid picture of data flows between regions."""

from residency.diff.compare import ResidencyDiff
from residency.reporters.diff.summary import edge_text, rows, shown, verdict


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _node(region: str | None) -> str:
    return "r_" + (region or "unknown").replace("-", "_")


def mermaid(diff: ResidencyDiff) -> list[str]:
    edges = [(e, "added") for e in diff.edges_added if e.cross_region]
    edges += [(e, "removed") for e in diff.edges_removed if e.cross_region]
    if not edges:
        return []
    lines = ["```mermaid", "flowchart LR"]
    regions = sorted({r or "unknown" for e, _ in edges for r in (e.source, e.destination)})
    lines += [f'  {_node(r)}["{r}"]' for r in regions]
    styles = []
    for index, (e, state) in enumerate(edges):
        arrow = "-.->" if state == "removed" else "==>"
        label = f"{e.data_class or 'unknown class'} ({'removed' if state == 'removed' else 'new'})"
        lines.append(f'  {_node(e.source)} {arrow}|"{label}"| {_node(e.destination)}')
        if state == "added":
            styles.append(f"  linkStyle {index} stroke:#d00,stroke-width:3px")
    return lines + styles + ["```", ""]


def render(diff: ResidencyDiff) -> str:
    v = verdict(diff)
    icon = ":no_entry:" if v.new_mandatory else (":warning:" if "REVIEW" in v.headline else ":white_check_mark:")
    lines = [f"### {icon} Residency diff", "", f"**{v.headline}**", "", "| | count |", "|---|---|"]
    lines += [f"| {label} | {count} |" for label, count in rows(diff)]
    lines.append("")
    if diff.nothing_changed:
        lines += ["Nothing changed for any data class.", ""]
    lines += mermaid(diff)
    changed = [c for c in diff.classes if c.changed]
    if changed:
        lines += [
            "<details><summary>Per data class</summary>",
            "",
            "| Data class | Regions before | Regions after | Stores +/-/replaced | Copy edges +/- |",
            "|---|---|---|---|---|",
        ]
        for c in changed:
            lines.append(
                f"| {c.data_class} | {', '.join(c.regions_before) or '-'} | {', '.join(c.regions_after) or '-'}"
                f" | {len(c.added)}/{len(c.removed)}/{len(c.replaced)} | "
                f"{len(c.edges_added)}/{len(c.edges_removed)} |"
            )
        lines.append("")
        for c in changed:
            for u in c.replaced:
                lines.append(f"- :warning: `{c.data_class}` store `{u}` is **replaced**: data loss risk")
            lines += [f"- new copy of `{c.data_class}`: {edge_text(e)}" for e in c.edges_added]
            lines += [f"- removed copy of `{c.data_class}`: {edge_text(e)}" for e in c.edges_removed]
        lines += ["", "</details>", ""]
    if diff.moved or diff.relabelled:
        lines += ["<details><summary>Moved or relabelled stores</summary>", ""]
        lines += [f"- `{n}` moved {shown(a)} -> {shown(b)}" for _, n, a, b in diff.moved]
        lines += [f"- `{n}` relabelled {shown(a)} -> {shown(b)}" for _, n, a, b in diff.relabelled]
        lines += ["", "</details>", ""]
    if diff.protections:
        lines += [
            "<details><summary>Protection changes</summary>",
            "",
            "| Store | Class | Setting | Before | After | |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(p.name)} | {p.data_class or '-'} | {p.field} | {_cell(shown(p.before))} | "
            f"{_cell(shown(p.after))} | {'**weakened**' if p.weakened else ''} |"
            for p in diff.protections
        ]
        lines += ["", "</details>", ""]
    if diff.new_violations or diff.fixed_violations:
        lines += [
            "<details open><summary>Violations</summary>",
            "",
            "| | Level | Policy | Message |",
            "|---|---|---|---|",
        ]
        lines += [f"| new | {v.level} | `{v.policy}` | {_cell(v.message)} |" for v in diff.new_violations]
        lines += [f"| fixed | {v.level} | `{v.policy}` | {_cell(v.message)} |" for v in diff.fixed_violations]
        lines += ["", "</details>", ""]
    if diff.exceptions:
        lines += [
            "#### Exceptions to review",
            "",
            "| Change | Policy | Resource | Ticket | Expires before | Expires after | Reason |",
            "|---|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {x.change} | `{x.policy}` | {_cell(x.resource)} | {_cell(x.ticket)} | {x.expires_before or '-'} | "
            f"{x.expires_after or '-'} | {_cell(x.reason)} |"
            for x in diff.exceptions
        ]
        lines.append("")
    notes = diff.notes
    if notes:
        lines += [f"<sub>{_cell(n)}</sub><br>" for n in notes]
    return "\n".join(lines).rstrip() + "\n"
