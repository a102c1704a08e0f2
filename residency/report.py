"""What one run found, whatever ran it (preview, audit): every resource with its region and class, and every finding."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from residency.facts.resource import CopyEdge
from residency.model.findings import Finding


@dataclass(frozen=True)
class ResourceRow:
    urn: str
    type: str
    name: str
    parent: str | None
    region: str | None
    region_source: str
    data_class: str | None
    class_problem: str | None
    is_data_store: bool
    arn: str | None
    copies: tuple[CopyEdge, ...] = ()
    protections: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    """`file:line` of the program line that registered the resource, relative to the project."""
    created_at: str | None = None
    """`file:line` of the user's line behind it: for a component's child, where the component was created."""

    def to_json(self) -> dict[str, Any]:
        return {
            "urn": self.urn,
            "type": self.type,
            "name": self.name,
            "region": self.region,
            "dataClass": self.data_class,
        }

    def to_plan(self) -> dict[str, Any]:
        return {
            **self.to_json(),
            "parent": self.parent,
            "regionSource": self.region_source,
            "dataStore": self.is_data_store,
            "arn": self.arn,
            "classProblem": self.class_problem,
            "protections": self.protections,
            "copies": [c.to_json() for c in self.copies],
            "source": self.source,
            "createdAt": self.created_at,
        }


class Origin(StrEnum):
    PREVIEW = "preview"
    AUDIT = "audit"


@dataclass
class Report:
    project: str
    stack: str
    pack: str
    settings: dict[str, Any]
    resources: list[ResourceRow]
    violations: list[Finding]
    notes: list[str]
    outputs: dict[str, Any]
    policies: list[str] = field(default_factory=list)
    policy_levels: dict[str, str] = field(default_factory=dict)
    weakened_policies: list[dict[str, str]] = field(default_factory=list)
    """Core policies configured below mandatory: shown at the top of every output."""
    pack_location: str = ""
    stacks_together: list[str] = field(default_factory=list)
    origin: Origin = Origin.PREVIEW
    project_dir: str = ""
    """The project's directory relative to the repository root ("" at the root): prefixes every source path."""
    stack_file: str | None = None
    """`Pulumi.<stack>.yaml` relative to the project directory, for stack-level findings."""
    config_lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level config key in the stack file (`residency:org`, `residency:exceptions`, ...)."""
    error: str | None = None
    """Why the run could not judge anything (bad input, program error): every report says so, none is empty."""

    @classmethod
    def failed(cls, project: str, stack: str, error: str) -> "Report":
        return cls(project, stack, "", {}, [], [], [], {}, error=error)

    def provenance(self) -> str:
        """One line saying how the resources were read, for the footer of a report."""
        if self.origin is Origin.AUDIT:
            return f"{len(self.resources)} resources read from the live account by `residency audit`."
        return f"{len(self.resources)} resources previewed offline with policy pack `{self.pack}`."

    @property
    def mandatory(self) -> list[Finding]:
        return [v for v in self.violations if v.blocking]

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 2
        return 1 if self.mandatory else 0

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"project": self.project, "stack": self.stack, "error": self.error}
        return {
            "project": self.project,
            "stack": self.stack,
            "weakenedPolicies": self.weakened_policies,
            "resources": [r.to_json() for r in self.resources],
            "violations": [v.to_json() for v in self.violations],
        }

    def to_plan(self) -> dict[str, Any]:
        return {
            "kind": "residency-plan",
            "version": 1,
            "project": self.project,
            "stack": self.stack,
            "policyPack": self.pack,
            "policies": self.policies,
            "policyConfig": self.policy_levels,
            "weakenedPolicies": self.weakened_policies,
            "stacksPreviewedTogether": self.stacks_together,
            "settings": self.settings,
            "resources": [r.to_plan() for r in self.resources],
            "violations": [v.to_json() for v in self.violations],
            "notes": self.notes,
            "outputs": self.outputs,
        }
