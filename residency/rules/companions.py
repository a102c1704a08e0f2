"""Find the companion resources pulumi-aws splits bucket settings into (SSE, versioning, access block, lock)."""

from collections.abc import Sequence

from residency.facts.resource import ResourceFacts
from residency.facts.values import reveal

BUCKET_TYPES = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")


def _v2(token: str) -> str:
    module, name = token.rsplit(":", 1)
    return f"{module}V2:{name}V2"


def companions_of(bucket: ResourceFacts, facts: Sequence[ResourceFacts], companion_type: str) -> list[ResourceFacts]:
    """Companions (v7 token or its v6 `...V2` twin) that name this bucket, by physical name or dependency."""
    wanted = {companion_type, _v2(companion_type)}
    name = reveal(bucket.props.get("bucket"))
    return [
        f
        for f in facts
        if f.type in wanted
        and (
            (name is not None and reveal(f.props.get("bucket")) == name)
            or bucket.urn in f.resource.property_dependencies.get("bucket", ())
        )
    ]


def buckets(facts: Sequence[ResourceFacts]) -> list[ResourceFacts]:
    return [f for f in facts if f.type in BUCKET_TYPES]
