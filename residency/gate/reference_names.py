"""Which stack a StackReference name means: `stack`, `org/stack` or `org/project/stack`."""

from collections.abc import Collection


def match_reference(ref: str, names: Collection[str], project: str) -> str | None:
    """The entry of `names` the reference means; a fully qualified name of another project matches only itself."""
    if ref in names:
        return ref
    parts = ref.split("/")
    if len(parts) == 3 and parts[1] != project:
        return None
    short = parts[-1]
    return short if short in names else None
