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


def how_to_provide(ref: str, project: str) -> str:
    """How to give the gate the outputs of the stack a StackReference names, in words that work for that name.

    A stack of this project can be previewed in the same run, and `--stack-outputs STACK=FILE` matches it; a fully
    qualified name of another project matches only itself (see `match_reference`), so only the full name works.
    """
    name = StackName.parse(ref)
    if name.in_project(project):
        return (
            f"preview it in the same run (--stack {name.stack}) or pass a trusted `pulumi stack output --json` file "
            f"(--stack-outputs {name.stack}=FILE)"
        )
    return (
        f"it is a stack of project {name.project}, which a run of {project} cannot preview: pass a trusted "
        f"`pulumi stack output --json` file of it (--stack-outputs {ref}=FILE)"
    )
