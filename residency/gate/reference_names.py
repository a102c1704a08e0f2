"""Which stack a StackReference name means: `stack`, `org/stack` or `org/project/stack`."""

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StackName:
    """A StackReference name, parsed once instead of split wherever it is compared."""

    stack: str
    org: str | None = None
    project: str | None = None

    @classmethod
    def parse(cls, ref: str) -> "StackName":
        parts = ref.split("/")
        if len(parts) == 2:
            return cls(parts[1], org=parts[0])
        if len(parts) == 3:
            return cls(parts[2], org=parts[0], project=parts[1])
        return cls(ref)

    def in_project(self, project: str) -> bool:
        """A fully qualified name of another project never means a stack of this one."""
        return self.project is None or self.project == project


def match_reference(ref: str, names: Collection[str], project: str) -> str | None:
    """The entry of `names` the reference means; a fully qualified name of another project matches only itself."""
    if ref in names:
        return ref
    name = StackName.parse(ref)
    if not name.in_project(project):
        return None
    return name.stack if name.stack in names else None
