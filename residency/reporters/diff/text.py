"""Plain-text residency diff for terminals and logs."""

from residency.diff.compare import ResidencyDiff
from residency.reporters.diff.summary import edge_text, rows, shown, verdict


def render(diff: ResidencyDiff) -> str:
    lines = [f"Residency diff: {diff.before.source} -> {diff.after.source}", verdict(diff).headline, ""]
    lines += [f"  {label:<40}{count}" for label, count in rows(diff)]
    for c in diff.classes:
        if not c.changed:
            continue
        lines += [
            "",
            f"[{c.data_class}] regions {', '.join(c.regions_before) or 'none'} -> "
            f"{', '.join(c.regions_after) or 'none'}",
        ]
        lines += [f"  + store {u}" for u in c.added] + [f"  - store {u}" for u in c.removed]
        lines += [f"  ! replaced (data loss risk) {u}" for u in c.replaced]
        lines += [f"  + copy {edge_text(e)}" for e in c.edges_added] + [
            f"  - copy {edge_text(e)}" for e in c.edges_removed
        ]
    for _, name, a, b in diff.moved:
        lines.append(f"moved: {name} {shown(a)} -> {shown(b)}")
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
