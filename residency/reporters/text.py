"""A preview-like tree (type, name, region, data class) followed by the policy violations."""

import os
import shutil
import sys

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
        primary, _ = locate(result, v, rows)
        at = f" at {primary}" if primary else ""
        lines.append(f"[{v.level}] {v.policy} ({subject(v, rows)}){at}: {v.message.splitlines()[0]}")
    lines.append(verdict_line(result) if result.error is None else "ERROR: nothing was judged")
    return "\n".join(line for line in lines if line) + "\n"


def _where(result: Report, v: Finding, rows: dict[str, ResourceRow]) -> list[str]:
    primary, related = locate(result, v, rows)
    if primary is None:
        return []
    return [f"    at {primary}" + (f" (inside the component at {related})" if related else "")]


def short_type(token: str) -> str:
    """`aws:s3/bucket:Bucket` -> `aws:s3:Bucket`, as the Pulumi CLI shows a type whose module file repeats it."""
    parts = token.split(":")
    if len(parts) != 3 or "/" not in parts[1]:
        return token
    module, _, file = parts[1].rpartition("/")
    return f"{parts[0]}:{module}:{parts[2]}" if file == parts[2][:1].lower() + parts[2][1:] else token


def terminal_width() -> int | None:
    """The width to fit, when printing to a terminal (or COLUMNS is set); None keeps full lines for files and CI."""
    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit():
        return int(columns)
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _table(tree: list[tuple[str, ResourceRow]], width: int | None) -> list[str]:
    def types(short: bool) -> list[str]:
        return [prefix + (short_type(row.type) if short else row.type) for prefix, row in tree]

    def widths(shown: list[str]) -> tuple[int, int]:
        return max((len(t) for t in shown), default=20) + 2, max((len(r.name) for _, r in tree), default=10) + 2

    shown = types(False)
    type_w, name_w = widths(shown)
    if width is not None and 5 + type_w + name_w + 17 + 20 > width:
        shown = types(True)
        type_w, name_w = widths(shown)
    if width is not None:
        name_w = max(min(name_w, width - 5 - type_w - 17 - 20), 8)
    lines = [f"     {'Type':<{type_w}}{'Name':<{name_w}}{'Region':<17}Data class"]
    for shown_type, (_, row) in zip(shown, tree, strict=True):
        region = row.region or ("-" if not row.type.startswith("aws:") else "unknown")
        name = _fit(row.name, name_w - 2)
        line = f" +   {shown_type:<{type_w}}{name:<{name_w}}{region:<17}{row.data_class or ''}".rstrip()
        lines.append(_fit(line, width) if width is not None else line)
    return lines


def render(result: Report, quiet: bool = False, width: int | None = None) -> str:
    if quiet:
        return _quiet(result)
    if result.error is not None:
        return f"Residency gate for {result.project}/{result.stack} could not run.\nerror: {result.error}\n"
    tree = _tree(result.resources)
    weakened = weakened_line(result)
    lines = [f"Previewing {result.project} ({result.stack}) offline, policy pack {result.pack}"]
    if result.pack_location:
        lines.append(f"Policy pack from {result.pack_location}")
    if weakened:
        lines.append(f"WARNING: {weakened}")
    if result.stacks_together:
        lines.append(f"Previewed together with: {', '.join(result.stacks_together)}")
    lines += ["", *_table(tree, width)]
    if result.notes:
        lines += ["", "Notes:"] + [f"    {n}" for n in result.notes]
    rows = rows_by_urn(result)
    found, accepted = open_findings(result), waived(result)
    if found:
        lines += ["", "Policy Violations:"]
        for v in found:
            lines.append(f"    [{v.level}]  {result.pack}  {v.policy}  ({subject(v, rows)})")
            lines += [f"    {line}" for line in v.message.splitlines()]
            lines += _where(result, v, rows)
            fix = remediation(v.policy)
            lines += [f"    fix: {fix}"] if fix else []
    if accepted:
        lines += ["", "Waived by exception (not blocking):"]
        for v in accepted:
            lines.append(f"    [waived]  {v.policy}  ({subject(v, rows)})")
            lines += [f"    {line}" for line in v.message.splitlines()]
            lines.append(f"    accepted by {waiver_text(v)}")
    lines += ["", f"Resources: {len(result.resources)} to create", verdict_line(result)]
    return "\n".join(lines) + "\n"
