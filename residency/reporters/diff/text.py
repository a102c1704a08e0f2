"""Plain-text residency diff for terminals and logs."""

from residency.diff.compare import ResidencyDiff
from residency.diff.departures import departures, edge_authority
from residency.diff.posture_change import posture_summary
from residency.reporters.diff.summary import edge_text, resource_text, rows, shown, verdict, where


def _posture(diff: ResidencyDiff) -> list[str]:
    summary = posture_summary(diff.before, diff.after)
    if summary is None:
        return []
    changed = summary.changed
    if not changed:
        return ["Posture unchanged"] + [f"  {f.key}: {f.after}" for f in summary.current] + [""]
    width = max(len(f.key) for f in changed) + 2
    return (
        ["Posture changed (what the organisation agreed to):"]
        + [f"  {f.key:<{width}}{f.before}  ->  {f.after}" for f in changed]
        + [""]
    )


def render(diff: ResidencyDiff) -> str:
    lines = [f"Residency diff: {diff.before.source} -> {diff.after.source}", verdict(diff).headline, ""]
    lines += _posture(diff)
    leaving = departures(diff)
    if leaving:
        lines += ["Now leaving Indonesia:"] + [f"  {d.line()}" for d in leaving] + [""]
    summary = rows(diff)
    width = max(len(label) for label, _ in summary) + 2
    lines += [f"  {label:<{width}}{count:>5}" for label, count in summary]
    for c in diff.classes:
        if not c.changed:
            continue
        lines += [
            "",
            f"[{c.data_class}] held in {', '.join(where(r) for r in c.regions_before) or 'none'} -> "
            f"{', '.join(where(r) for r in c.regions_after) or 'none'}",
        ]
        lines += [f"  + store {resource_text(diff.after.rows, u)}" for u in c.added]
        lines += [f"  - store {resource_text(diff.before.rows, u)}" for u in c.removed]
        lines += [f"  ! replaced (data loss risk) {resource_text(diff.after.rows, u)}" for u in c.replaced]
        lines += [f"  + copy {edge_text(e)}, {edge_authority(diff, e)}" for e in c.edges_added] + [
            f"  - copy {edge_text(e)}" for e in c.edges_removed
        ]
    for _, name, a, b in diff.moved:
        lines.append(f"moved: {name} {where(a)} -> {where(b)}")
    for _, name, a, b in diff.relabelled:
        lines.append(f"relabelled: {name} {shown(a)} -> {shown(b)}")
    for p in diff.protections:
        lines.append(
            f"{'WEAKENED' if p.weakened else 'changed'}: {p.name}.{p.field} {shown(p.before)} -> {shown(p.after)}"
        )
    for v in diff.new_violations:
        lines.append(f"new [{v.level}] {v.policy}: {v.message}")
    for v in diff.fixed_violations:
        lines.append(f"fixed {v.policy}: {v.message}")
    lines += [f"REVIEW {x.line()}" for x in diff.exceptions]
    for note in diff.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines) + "\n"
