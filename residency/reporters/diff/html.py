"""One self-contained HTML file for auditors to archive: the markdown's content, an inline SVG of data flows."""

import html as html_lib

from residency.diff.compare import Edge, ResidencyDiff
from residency.reporters.diff.summary import edge_text, rows, shown, verdict

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
.block{color:#b00020}.review{color:#8a5a00}.ok{color:#1b6e20}.weak{color:#b00020;font-weight:bold}
"""


def _e(value: object) -> str:
    return html_lib.escape(str(value))


def svg(edges: list[tuple[Edge, str]]) -> str:
    regions = sorted({r or "unknown" for e, _ in edges for r in (e.source, e.destination)})
    if not regions:
        return ""
    x = {r: 90 + i * 220 for i, r in enumerate(regions)}
    height = 120 + 40 * len(edges)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="data flows between regions" '
        f'width="{max(x.values()) + 120}" height="{height}">',
        '<defs><marker id="arrow" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="10" '
        'refX="11" refY="5" orient="auto">'
        '<path d="M0,0 L12,5 L0,10 z" fill="#444"/></marker></defs>',
    ]
    for r in regions:
        parts.append(
            f'<rect x="{x[r] - 70}" y="20" width="140" height="36" rx="6" fill="#eef" stroke="#446"/>'
            f'<text x="{x[r]}" y="43" text-anchor="middle">{_e(r)}</text>'
        )
    for i, (e, state) in enumerate(edges):
        y = 90 + 40 * i
        x1, x2 = x[e.source or "unknown"], x[e.destination or "unknown"]
        color = "#d00" if state == "added" else "#999"
        dash = ' stroke-dasharray="6 4"' if state == "removed" else ""
        parts.append(
            f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{color}" stroke-width="3"{dash} '
            f'marker-end="url(#arrow)"/><text x="{(x1 + x2) / 2}" y="{y - 6}" text-anchor="middle" '
            f'font-size="12">{_e(e.data_class or "unknown class")} ({state})</text>'
        )
    return "".join(parts) + "</svg>"


def render(diff: ResidencyDiff) -> str:
    v = verdict(diff)
    css_class = "block" if v.new_mandatory else ("review" if "REVIEW" in v.headline else "ok")
    body = [
        f"<h1>Residency diff</h1><p>{_e(diff.before.source)} &rarr; {_e(diff.after.source)}</p>",
        f'<p class="{css_class}" id="verdict"><strong>{_e(v.headline)}</strong></p>',
        "<table><tbody>"
        + "".join(f"<tr><th>{_e(k)}</th><td>{n}</td></tr>" for k, n in rows(diff))
        + "</tbody></table>",
    ]
    edges = [(e, "added") for e in diff.edges_added if e.cross_region] + [
        (e, "removed") for e in diff.edges_removed if e.cross_region
    ]
    if edges:
        body.append("<h2>Data flows between regions</h2>" + svg(edges))
    changed = [c for c in diff.classes if c.changed]
    if changed:
        body.append(
            "<details open><summary>Per data class</summary><table><thead><tr><th>Data class</th>"
            "<th>Regions before</th><th>Regions after</th><th>Changes</th></tr></thead><tbody>"
        )
        for c in changed:
            items = [f"+ store {u}" for u in c.added] + [f"- store {u}" for u in c.removed]
            items += [f"replaced (data loss risk): {u}" for u in c.replaced]
            items += [f"+ copy {edge_text(e)}" for e in c.edges_added] + [
                f"- copy {edge_text(e)}" for e in c.edges_removed
            ]
            body.append(
                f"<tr><td>{_e(c.data_class)}</td><td>{_e(', '.join(c.regions_before))}</td>"
                f"<td>{_e(', '.join(c.regions_after))}</td><td>{'<br>'.join(_e(i) for i in items)}</td></tr>"
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
