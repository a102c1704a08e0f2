"""Find the companion resources pulumi-aws splits bucket settings into (SSE, versioning, access block, lock)."""

from collections.abc import Sequence

from residency.facts.resource import BUCKET_TYPES, ResourceFacts
from residency.facts.values import reveal

__all__ = ["BUCKET_TYPES", "Companions", "buckets"]


def _base_token(token: str) -> str:
    """`aws:s3/bucketVersioningV2:BucketVersioningV2` and the v7 token share one key."""
    module = token.split(":")[1] if token.count(":") >= 2 else token
    return module.removesuffix("V2")


class Companions:
    """An index of companions by (kind, bucket name) and (kind, bucket URN), built once per stack."""

    def __init__(self, facts: Sequence[ResourceFacts]) -> None:
        self._index: dict[tuple[str, str, str], list[ResourceFacts]] = {}
        for f in facts:
            if not f.type.startswith("aws:s3/bucket") or f.type in BUCKET_TYPES:
                continue
            kind = _base_token(f.type)
            name = reveal(f.props.get("bucket"))
            keys = {(kind, "name", name)} if isinstance(name, str) else set()
            keys |= {(kind, "urn", urn) for urn in f.resource.property_dependencies.get("bucket", ())}
            for key in keys:
                self._index.setdefault(key, []).append(f)

    def of(self, bucket: ResourceFacts, companion_type: str) -> list[ResourceFacts]:
        kind = _base_token(companion_type)
        name = reveal(bucket.props.get("bucket"))
        found = list(self._index.get((kind, "urn", bucket.urn), []))
        if isinstance(name, str):
            found += [f for f in self._index.get((kind, "name", name), []) if f not in found]
        return found


def buckets(facts: Sequence[ResourceFacts]) -> list[ResourceFacts]:
    return [f for f in facts if f.type in BUCKET_TYPES]
