"""One side of a diff: resource rows (the plan's format), the violations in force, and replaced URNs."""

from dataclasses import dataclass, field
from typing import Any

from residency.model.findings import Finding


@dataclass
class Snapshot:
    source: str
    kind: str
    rows: dict[str, dict[str, Any]]
    violations: list[Finding]
    replaced: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    policy_levels: dict[str, str] | None = None
    """Enforcement level per policy as the gate ran it (plans only; None when the input does not say)."""
    stack: str | None = None
    settings: dict[str, Any] | None = None
    """The `residency:*` settings the input recorded (plans), None when it does not say."""
    exceptions: list[dict[str, Any]] | None = None
    """`residency:exceptions` as the plan's settings recorded them (None when the input does not say)."""
    parsed: tuple[Any] | None = field(default=None, init=False, repr=False, compare=False)
    """`settings` validated once (posture_change), however many reporters and edges ask."""

    @property
    def stores(self) -> dict[str, dict[str, Any]]:
        return {urn: row for urn, row in self.rows.items() if row.get("dataStore")}
