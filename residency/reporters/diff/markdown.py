"""A PR comment: verdict table first, details collapsed, and a mermaid picture of data flows between regions."""

from residency.diff.compare import ResidencyDiff
from residency.diff.departures import departures, edge_authority
from residency.diff.posture_change import posture_summary
from residency.model.regions import label as region_label
from residency.reporters.diff.summary import edge_text, resource_text, rows, shown, verdict, where


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _node(region: str | None) -> str:
    return "r_" + (region or "unknown").replace("-", "_")


def mermaid(diff: ResidencyDiff) -> list[str]:
    """Copies as arrows between regions, and classes newly placed in a region inside its box; a legend below."""
    edges = [(e, "added") for e in diff.edges_added if e.cross_region]
    edges += [(e, "removed") for e in diff.edges_removed if e.cross_region]
    placed = [d for d in departures(diff) if d.how == "placed in"]
    if not edges and not placed:
        return []
    lines = ["```mermaid", "flowchart LR"]
    regions = sorted(
        {r or "unknown" for e, _ in edges for r in (e.source_region, e.destination_region)}
        | {d.destination or "unknown" for d in placed}
    )
    new_here = {d.destination or "unknown": d.classes for d in placed}
    for r in regions:
        extra = f"<br/>new here: {', '.join(new_here[r])}" if r in new_here else ""
        lines.append(f'  {_node(r)}["{region_label(r) if r != "unknown" else "unknown region"}{extra}"]')
    lines += [f"  style {_node(r)} stroke:#d00,stroke-width:3px" for r in regions if r in new_here]
    styles = []
    for index, (e, state) in enumerate(edges):
        arrow = "-.->" if state == "removed" else "==>"
        label = f"{e.data_class or 'unknown class'} ({'removed' if state == 'removed' else 'new'})"
        lines.append(f'  {_node(e.source_region)} {arrow}|"{label}"| {_node(e.destination_region)}')
        if state == "added":
            styles.append(f"  linkStyle {index} stroke:#d00,stroke-width:3px")
    legend = "Legend: `==>` new copy (red), `-.->` removed copy, red box: a class newly placed in that region."
    return [*lines, *styles, "```", "", legend, ""]


def _posture(diff: ResidencyDiff) -> list[str]:
    summary = posture_summary(diff.before, diff.after)
    if summary is None:
        return []
    changed = summary.changed
    if not changed:
        shown_now = "; ".join(f"{f.key} {f.after}" for f in summary.current)
        return [f"Posture unchanged: {_cell(shown_now)}.", ""]
    lines = ["**The organisation's posture changed:**", "", "| Setting | Before | After |", "|---|---|---|"]
    lines += [f"| {_cell(f.key)} | {_cell(f.before)} | {_cell(f.after)} |" for f in changed]
    return [*lines, ""]


def render(diff: ResidencyDiff) -> str:
    v = verdict(diff)
    icon = ":no_entry:" if v.new_mandatory else (":warning:" if "REVIEW" in v.headline else ":white_check_mark:")
    lines = [f"### {icon} Residency diff", "", f"**{v.headline}**", ""]
    lines += _posture(diff)
    leaving = departures(diff)
    if leaving:
        lines += ["**Now leaving Indonesia:**", ""] + [f"- {_cell(d.line())}" for d in leaving] + [""]
    lines += ["| | count |", "|---|---:|"]
    lines += [f"| {text} | {count} |" for text, count in rows(diff)]
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
                f"| {c.data_class} | {', '.join(where(r) for r in c.regions_before) or '-'} | "
                f"{', '.join(where(r) for r in c.regions_after) or '-'}"
                f" | {len(c.added)}/{len(c.removed)}/{len(c.replaced)} | "
                f"{len(c.edges_added)}/{len(c.edges_removed)} |"
            )
        lines.append("")
        for c in changed:
            for u in c.replaced:
                lines.append(
                    f"- :warning: `{c.data_class}` store {resource_text(diff.after.rows, u)} is **replaced**: "
                    "data loss risk"
                )
            lines += [f"- new store of `{c.data_class}`: {resource_text(diff.after.rows, u)}" for u in c.added]
            lines += [
                f"- new copy of `{c.data_class}`: {edge_text(e)}, {edge_authority(diff, e)}" for e in c.edges_added
            ]
            lines += [f"- removed copy of `{c.data_class}`: {edge_text(e)}" for e in c.edges_removed]
        urns = [u for c in changed for u in (*c.added, *c.replaced)]
        if urns:
            lines += ["", "<details><summary>URNs</summary>", ""] + [f"- `{u}`" for u in urns] + ["", "</details>"]
        lines += ["", "</details>", ""]
    if diff.moved or diff.relabelled:
        lines += ["<details><summary>Moved or relabelled stores</summary>", ""]
        lines += [f"- `{n}` moved {where(a)} -> {where(b)}" for _, n, a, b in diff.moved]
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
