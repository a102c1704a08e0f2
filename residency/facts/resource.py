"""The inputs the facts are built from, and the facts themselves."""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from residency.model.catalogue import Role, TypeEntry
from residency.model.data_classes import DataClass, parse_data_class

BUCKET_TYPES = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
"""The v7 token and its v6 twin: both are S3 buckets."""


_DEFAULT_NAME = re.compile(r"default(_\d+_\d+_\d+[0-9A-Za-z_]*)?")


@dataclass(frozen=True, slots=True)
class ProviderInput:
    type: str
    urn: str
    name: str
    props: dict[str, Any]

    @property
    def is_default(self) -> bool:
        """The engine's own provider for resources that name none: `default`, or `default_<version>` (dots of the
        version as underscores). The engine fills it from stack config; an explicit provider a program merely names
        `default-dr` does not read `aws:region`, so it must not be taken for one."""
        return _DEFAULT_NAME.fullmatch(self.name) is not None


@dataclass(frozen=True, slots=True)
class ResourceInput:
    """A resource as the engine hands it to an analyzer: type, name, inputs, provider, graph links."""

    urn: str
    type: str
    name: str
    props: dict[str, Any]
    provider: ProviderInput | None = None
    parent: str | None = None
    dependencies: tuple[str, ...] = ()
    property_dependencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    """Recorded outputs, when read from a state file (stack export, checkpoint, preview JSON)."""
    options: dict[str, Any] = field(default_factory=dict)
    """The engine's `AnalyzerResourceOptions` other than parent (protect, ignoreChanges, aliases, ...)."""


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """One cross-region copy a mechanism sets up; `problem` says what could not be determined."""

    mechanism: str
    urn: str
    source_region: str | None
    destination_region: str | None
    data_class: DataClass | None
    class_origin: str
    target: str = ""
    problem: str | None = None
    open_destination: bool = False
    source_outside: bool = False
    collection: str | None = None
    """The collection of the copied data (the source's, else the resource's own tag)."""
    """The copy is pulled into this stack from a source another stack owns (the replica side)."""

    @property
    def cross_region(self) -> bool:
        return self.source_region != self.destination_region

    @classmethod
    def from_json(cls, urn: str, raw: dict[str, Any]) -> "CopyEdge":
        """An edge as a plan records it (the diff's input): the fields `to_json` writes."""
        problem = raw.get("problem")
        return cls(
            mechanism=str(raw.get("mechanism", "?")),
            urn=urn,
            source_region=raw.get("from") if isinstance(raw.get("from"), str) else None,
            destination_region=raw.get("to") if isinstance(raw.get("to"), str) else None,
            data_class=parse_data_class(raw.get("dataClass")) if raw.get("dataClass") else None,
            class_origin="the plan",
            target=str(raw.get("target") or ""),
            problem=str(problem) if problem else None,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "mechanism": self.mechanism,
            "from": self.source_region,
            "to": self.destination_region,
            "dataClass": self.data_class.value if self.data_class else None,
            "target": self.target,
            "problem": self.problem,
        }


class Direction(StrEnum):
    SOURCE = "source"
    """The resource reads or copies the referenced data."""
    DESTINATION = "destination"
    """The resource sends its data to the referenced place."""
    BOTH = "both"
    """Undeclared: judged both ways (fail closed)."""


@dataclass(frozen=True, slots=True)
class Reference:
    prop: str
    direction: Direction
    target: "ResourceFacts | None"
    region: str | None
    text: str
    problem: str | None = None
    """Why the referenced region is unknown (a bucket outside the stack, an unknown value...)."""
    place: bool = False
    """A region, zone or endpoint name: a place data can go, not data of its own."""
    artifact: bool = False
    """A container image in a registry: software artefacts flow in along it, nothing flows out."""

    @property
    def shown(self) -> str:
        return self.target.resource.name if self.target is not None else self.text


@dataclass(slots=True)
class ResourceFacts:
    resource: ResourceInput
    is_data_store: bool
    region: str | None
    region_source: str
    data_class: DataClass | None
    class_problem: str | None
    collection: str | None
    tags: dict[str, Any]
    copies: list[CopyEdge] = field(default_factory=list)
    pinned_regions: tuple[str, ...] | None = None
    """Kubernetes workloads: the regions their pods are pinned to (empty when unpinned)."""
    entry: TypeEntry | None = None
    """The type's catalogue entry (role, taggable, flow properties)."""
    near_miss: str | None = None
    """A tag that looks like a data class but is not one exactly."""
    classes: dict[DataClass, str] = field(default_factory=dict)
    """Effective classes: the declared class and every class it receives, each with where it came from."""
    received: dict[DataClass, str] = field(default_factory=dict)
    """Classes that flow into this resource from what it reads or what is copied into it."""
    references: list["Reference"] = field(default_factory=list)
    """Every reference its inputs make to data in the stack or outside it."""
    pulled: set[DataClass] = field(default_factory=set)
    """Received classes that came only along software sources (a container image, a Helm chart): the code it runs,
    which says nothing of the data it handles."""
    clock_started: str | None = None
    """Why this mover carries only what its inputs name (a schedule starts it): no most-restricted fallback."""

    @property
    def role(self) -> Role:
        return self.entry.role if self.entry is not None else Role.CONTROL

    @property
    def urn(self) -> str:
        return self.resource.urn

    @property
    def type(self) -> str:
        return self.resource.type

    @property
    def props(self) -> dict[str, Any]:
        return self.resource.props
