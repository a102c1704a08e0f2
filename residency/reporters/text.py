"""A preview-like tree (type, name, region, data class) followed by the policy violations."""

from residency.model.findings import Finding
from residency.report import Report, ResourceRow
from residency.reporters.common import (
    open_findings,
    remediation,
    rows_by_urn,
    subject,
    verdict_line,
    waived,
    waiver_text,
    weakened_line,
)
from residency.reporters.locations import locate


def _tree(rows: list[ResourceRow]) -> list[tuple[str, ResourceRow]]:
    children: dict[str | None, list[ResourceRow]] = {}
    urns = {r.urn for r in rows}
    for r in rows:
        children.setdefault(r.parent if r.parent in urns else None, []).append(r)
    out: list[tuple[str, ResourceRow]] = []

    def walk(parent: str | None, prefix: str) -> None:
        kids = children.get(parent, [])
        for i, row in enumerate(kids):
            last = i == len(kids) - 1
            branch = "" if parent is None else ("└─ " if last else "├─ ")
            out.append((prefix + branch, row))
            walk(row.urn, prefix + ("" if parent is None else ("   " if last else "│  ")))

    walk(None, "")
    return out


def _quiet(result: Report) -> str:
    """Only what needs action: each open violation on one line, then the verdict."""
    rows = rows_by_urn(result)
    lines = [weakened_line(result)] if weakened_line(result) else []
    if result.error is not None:
        lines.append(f"error: {result.error}")
    for v in open_findings(result):
        primary, _ = locate(result, v)
        at = f" at {primary}" if primary else ""
        lines.append(f"[{v.level}] {v.policy} ({subject(v, rows)}){at}: {v.message.splitlines()[0]}")
    lines.append(verdict_line(result) if result.error is None else "ERROR: nothing was judged")
    return "\n".join(line for line in lines if line) + "\n"


def _where(result: Report, v: Finding) -> list[str]:
    primary, related = locate(result, v)
    if primary is None:
        return []
    return [f"    at {primary}" + (f" (inside the component at {related})" if related else "")]


def render(result: Report, quiet: bool = False) -> str:
    if quiet:
        return _quiet(result)
    if result.error is not None:
        return f"Residency gate for {result.project}/{result.stack} could not run.\nerror: {result.error}\n"
    tree = _tree(result.resources)
    width = max((len(p) + len(r.type) for p, r in tree), default=20) + 2
    name_w = max((len(r.name) for _, r in tree), default=10) + 2
    weakened = weakened_line(result)
    lines = [f"Previewing {result.project} ({result.stack}) offline, policy pack {result.pack}"]
    if result.pack_location:
        lines.append(f"Policy pack from {result.pack_location}")
    if weakened:
        lines.append(f"WARNING: {weakened}")
    if result.stacks_together:
        lines.append(f"Previewed together with: {', '.join(result.stacks_together)}")
    lines += [
        "",
        f"     {'Type':<{width}}{'Name':<{name_w}}{'Region':<17}Data class",
    ]
    for prefix, row in tree:
        region = row.region or ("-" if not row.type.startswith("aws:") else "unknown")
        lines.append(
            f" +   {prefix + row.type:<{width}}{row.name:<{name_w}}{region:<17}{row.data_class or ''}".rstrip()
        )
    if result.notes:
        lines += ["", "Notes:"] + [f"    {n}" for n in result.notes]
    rows = rows_by_urn(result)
    if open_findings(result):
        lines += ["", "Policy Violations:"]
        for v in open_findings(result):
            lines.append(f"    [{v.level}]  {result.pack}  {v.policy}  ({subject(v, rows)})")
            lines += [f"    {line}" for line in v.message.splitlines()]
            lines += _where(result, v)
            fix = remediation(v.policy)
            lines += [f"    fix: {fix}"] if fix else []
    if waived(result):
        lines += ["", "Waived by exception (not blocking):"]
        for v in waived(result):
            lines.append(f"    [waived]  {v.policy}  ({subject(v, rows)})")
            lines += [f"    {line}" for line in v.message.splitlines()]
            lines.append(f"    accepted by {waiver_text(v)}")
    lines += ["", f"Resources: {len(result.resources)} to create", verdict_line(result)]
    return "\n".join(lines) + "\n"
