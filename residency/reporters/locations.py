"""Where each finding points: `path:line` relative to the repository root, and the component frame behind it."""

from collections.abc import Mapping
from dataclasses import dataclass

from residency.model.exceptions import EXCEPTIONS_KEY
from residency.model.findings import Finding
from residency.report import Origin, Report, ResourceRow

_CONFIG_KEY_OF = {
    "require-valid-residency-settings": "residency:org",
    "require-valid-exceptions": EXCEPTIONS_KEY,
    "residency-exceptions": EXCEPTIONS_KEY,
    "one-org-posture": "residency:org",
}


@dataclass(frozen=True)
class Location:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def _in_repository(result: Report, relative: str) -> str:
    return f"{result.project_dir}/{relative}" if result.project_dir else relative


def _parse(result: Report, source: str | None) -> Location | None:
    if not source or ":" not in source:
        return None
    path, _, line = source.rpartition(":")
    return Location(_in_repository(result, path), max(int(line), 1)) if line.isdigit() else None


def _stack_file(result: Report, finding: Finding) -> Location | None:
    if result.origin is Origin.AUDIT or not result.stack_file:
        return None  # a live account has no file to point at
    key = _CONFIG_KEY_OF.get(finding.policy, "residency:org")
    return Location(_in_repository(result, result.stack_file), result.config_lines.get(key, 1))


def locate(
    result: Report, finding: Finding, rows: Mapping[str, ResourceRow]
) -> tuple[Location | None, Location | None]:
    """The primary location (the user's line), and the component's own line when it differs (related).
    `rows` is the report's rows by URN (`common.rows_by_urn`), built once per render."""
    row = rows.get(finding.urn) if finding.urn else None
    if row is None:
        return _stack_file(result, finding), None
    own = _parse(result, row.source)
    primary = _parse(result, row.created_at) or own
    if primary is None:
        return _stack_file(result, finding), None
    return primary, (own if own is not None and own != primary else None)
