"""One self-contained HTML file for auditors to archive: the markdown's content, an inline SVG of data flows."""

import html as html_lib

from residency.diff.compare import ResidencyDiff
from residency.diff.departures import departures, edge_authority
from residency.diff.posture_change import posture_summary
from residency.facts.resource import CopyEdge
from residency.model.regions import label
from residency.reporters.diff.metadata import metadata
from residency.reporters.diff.summary import edge_text, resource_text, rows, shown, verdict, where

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:1100px}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;
vertical-align:top}
.block{color:#b00020}.review{color:#8a5a00}.ok{color:#1b6e20}.weak{color:#b00020;font-weight:bold}
.region,.code{white-space:nowrap}.meta th{font-weight:normal;color:#555}.leaving li{margin:.2rem 0}
td,th,li,p{overflow-wrap:normal;word-break:normal;hyphens:manual}
@media print{
@page{size:A4;margin:15mm}
body{margin:0;font-size:10pt;max-width:none}
details{display:block}details>summary{list-style:none;font-weight:bold}
table{page-break-inside:auto;width:100%}tr,td,th{page-break-inside:avoid;break-inside:avoid}
thead{display:table-header-group}h1,h2{page-break-after:avoid;break-after:avoid}
svg{max-width:100%;height:auto;page-break-inside:avoid;break-inside:avoid}
}
"""

_BOX_W, _BOX_GAP, _TOP = 170, 110, 20


def _e(value: object) -> str:
    return html_lib.escape(str(value))


def _region_cell(regions: list[str]) -> str:
    return ", ".join(f'<span class="region">{_e(where(r))}</span>' for r in regions) or "-"


def svg(edges: list[tuple[CopyEdge, str]], placed: dict[str, tuple[str, ...]] | None = None) -> str:
    """Regions as columns; each copy an arrow from the source column's edge to the destination's; classes newly
    placed in a region written inside its column; a legend at the bottom."""
    placed = placed or {}
    regions = sorted({r or "unknown" for e, _ in edges for r in (e.source_region, e.destination_region)} | set(placed))
    if not regions:
        return ""
    left = {r: 20 + i * (_BOX_W + _BOX_GAP) for i, r in enumerate(regions)}
    rows = max(len(edges), 1) + max((len(c) for c in placed.values()), default=0)
    height = _TOP + 60 + 34 * rows + 20
    width = left[regions[-1]] + _BOX_W + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="data flows between regions" '
        f'width="{width}" height="{height + 40}" viewBox="0 0 {width} {height + 40}">',
        '<defs><marker id="arrow" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="10" '
        'refX="12" refY="5" orient="auto"><path d="M0,0 L12,5 L0,10 z" fill="#444"/></marker></defs>',
    ]
    for r in regions:
        new = r in placed
        parts.append(
            f'<rect x="{left[r]}" y="{_TOP}" width="{_BOX_W}" height="{height - _TOP}" rx="8" '
            f'fill="{"#fdecec" if new else "#eef"}" stroke="{"#d00" if new else "#446"}" '
            f'stroke-width="{3 if new else 1}"/>'
            f'<text x="{left[r] + _BOX_W / 2}" y="{_TOP + 24}" text-anchor="middle" font-weight="bold">'
            f"{_e(label(r) if r != 'unknown' else 'unknown region')}</text>"
            f'<text x="{left[r] + _BOX_W / 2}" y="{_TOP + 42}" text-anchor="middle" font-size="11" fill="#555">'
            f"{_e(r)}</text>"
        )
        for i, data_class in enumerate(placed.get(r, ())):
            parts.append(
                f'<text x="{left[r] + _BOX_W / 2}" y="{_TOP + 70 + 34 * (len(edges) + i)}" text-anchor="middle" '
                f'font-size="12" fill="#b00020">new here: {_e(data_class)}</text>'
            )
    for i, (e, state) in enumerate(edges):
        y = _TOP + 70 + 34 * i
        src, dst = e.source_region or "unknown", e.destination_region or "unknown"
        rightwards = left[src] < left[dst]
        x1 = left[src] + (_BOX_W if rightwards else 0)
        x2 = left[dst] + (0 if rightwards else _BOX_W)
        color = "#d00" if state == "added" else "#999"
        dash = ' stroke-dasharray="6 4"' if state == "removed" else ""
        parts.append(
            f'<line class="flow" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{color}" stroke-width="3"{dash} '
            f'marker-end="url(#arrow)"/><text x="{(x1 + x2) / 2}" y="{y - 6}" text-anchor="middle" '
            f'font-size="12">{_e(e.data_class or "unknown class")} ({state})</text>'
        )
    legend_y = height + 25
    parts.append(
        f'<line x1="20" y1="{legend_y}" x2="60" y2="{legend_y}" stroke="#d00" stroke-width="3" '
        f'marker-end="url(#arrow)"/><text x="68" y="{legend_y + 4}" font-size="12">new copy</text>'
        f'<line x1="160" y1="{legend_y}" x2="200" y2="{legend_y}" stroke="#999" stroke-width="3" '
        f'stroke-dasharray="6 4" marker-end="url(#arrow)"/>'
        f'<text x="208" y="{legend_y + 4}" font-size="12">removed copy</text>'
        f'<rect x="320" y="{legend_y - 8}" width="24" height="16" fill="#fdecec" stroke="#d00" stroke-width="2"/>'
        f'<text x="352" y="{legend_y + 4}" font-size="12">class newly placed in the region</text>'
    )
    return "".join(parts) + "</svg>"


def _posture(diff: ResidencyDiff) -> list[str]:
    summary = posture_summary(diff.before, diff.after)
    if summary is None:
        return []
    if not summary.changed:
        return ["<p>Posture unchanged: " + _e("; ".join(f"{f.key} {f.after}" for f in summary.current)) + ".</p>"]
    cells = "".join(
        f"<tr><td>{_e(f.key)}</td><td>{_e(f.before)}</td><td>{_e(f.after)}</td></tr>" for f in summary.changed
    )
    return [
        "<h2>The organisation's posture changed</h2><table><thead><tr><th>Setting</th><th>Before</th>"
        f"<th>After</th></tr></thead><tbody>{cells}</tbody></table>"
    ]


def render(diff: ResidencyDiff) -> str:
    v = verdict(diff)
    css_class = "block" if v.new_mandatory else ("review" if "REVIEW" in v.headline else "ok")
    body = [
        "<h1>Residency diff</h1>",
        '<table class="meta"><tbody>'
        + "".join(f'<tr><th>{_e(k)}</th><td class="code">{_e(value)}</td></tr>' for k, value in metadata(diff))
        + "</tbody></table>",
        f'<p class="{css_class}" id="verdict"><strong>{_e(v.headline)}</strong></p>',
        *_posture(diff),
    ]
    leaving = departures(diff)
    if leaving:
        body.append(
            '<h2>Now leaving Indonesia</h2><ul class="leaving">'
            + "".join(f"<li>{_e(d.line())}</li>" for d in leaving)
            + "</ul>"
        )
    body.append(
        "<table><tbody>"
        + "".join(f'<tr><th>{_e(k)}</th><td style="text-align:right">{n}</td></tr>' for k, n in rows(diff))
        + "</tbody></table>"
    )
    edges = [(e, "added") for e in diff.edges_added if e.cross_region] + [
        (e, "removed") for e in diff.edges_removed if e.cross_region
    ]
    placed = {d.destination or "unknown": d.classes for d in leaving if d.how == "placed in"}
    if edges or placed:
        body.append("<h2>Data flows between regions</h2>" + svg(edges, placed))
    changed = [c for c in diff.classes if c.changed]
    if changed:
        body.append(
            "<details open><summary>Per data class</summary><table><thead><tr><th>Data class</th>"
            "<th>Regions before</th><th>Regions after</th><th>Changes</th></tr></thead><tbody>"
        )
        for c in changed:
            items = [f"+ store {resource_text(diff.after.rows, u)}" for u in c.added]
            items += [f"- store {resource_text(diff.before.rows, u)}" for u in c.removed]
            items += [f"replaced (data loss risk): {resource_text(diff.after.rows, u)}" for u in c.replaced]
            items += [f"+ copy {edge_text(e)}, {edge_authority(diff, e)}" for e in c.edges_added] + [
                f"- copy {edge_text(e)}" for e in c.edges_removed
            ]
            body.append(
                f"<tr><td>{_e(c.data_class)}</td><td>{_region_cell(c.regions_before)}</td>"
                f"<td>{_region_cell(c.regions_after)}</td><td>{'<br>'.join(_e(i) for i in items)}</td></tr>"
            )
        body.append("</tbody></table></details>")
    if diff.protections:
        body.append("<details open><summary>Protection changes</summary><table><tbody>")
        body += [
            f"<tr><td>{_e(p.name)}</td><td>{_e(p.field)}</td><td>{_e(shown(p.before))}</td>"
            f'<td>{_e(shown(p.after))}</td><td class="{"weak" if p.weakened else ""}">'
            f"{'weakened' if p.weakened else ''}</td></tr>"
            for p in diff.protections
        ]
        body.append("</tbody></table></details>")
    if diff.new_violations or diff.fixed_violations:
        body.append("<details open><summary>Violations</summary><table><tbody>")
        body += [
            f"<tr><td>new</td><td>{_e(x.level)}</td><td>{_e(x.policy)}</td><td>{_e(x.message)}</td></tr>"
            for x in diff.new_violations
        ]
        body += [
            f"<tr><td>fixed</td><td>{_e(x.level)}</td><td>{_e(x.policy)}</td><td>{_e(x.message)}</td></tr>"
            for x in diff.fixed_violations
        ]
        body.append("</tbody></table></details>")
    if diff.exceptions:
        body.append("<details open><summary>Exceptions to review</summary><table><tbody>")
        body += [
            f"<tr><td>{_e(x.change)}</td><td>{_e(x.policy)}</td><td>{_e(x.resource)}</td><td>{_e(x.ticket)}</td>"
            f"<td>{_e(x.expires_before or '-')}</td><td>{_e(x.expires_after or '-')}</td><td>{_e(x.reason)}</td></tr>"
            for x in diff.exceptions
        ]
        body.append("</tbody></table></details>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Residency diff</title>'
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )
