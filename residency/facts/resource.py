"""The inputs the facts are built from, and the facts themselves."""

from dataclasses import dataclass, field
from typing import Any

from residency.model.data_classes import DataClass

BUCKET_TYPES = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
"""The v7 token and its v6 twin: both are S3 buckets."""


@dataclass(frozen=True, slots=True)
class ProviderInput:
    type: str
    urn: str
    name: str
    props: dict[str, Any]

    @property
    def is_default(self) -> bool:
        return self.name.startswith("default")


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

    def to_json(self) -> dict[str, Any]:
        return {
            "mechanism": self.mechanism,
            "from": self.source_region,
            "to": self.destination_region,
            "dataClass": self.data_class.value if self.data_class else None,
            "target": self.target,
            "problem": self.problem,
        }


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

    @property
    def urn(self) -> str:
        return self.resource.urn

    @property
    def type(self) -> str:
        return self.resource.type

    @property
    def props(self) -> dict[str, Any]:
        return self.resource.props
