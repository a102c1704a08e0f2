"""Look-ups across a stack's resources: by URN, by physical name, by ARN, by dependency."""

from collections.abc import Iterable

from residency.facts.resource import BUCKET_TYPES, ResourceFacts
from residency.facts.values import arn_resource, is_unknown, reveal
from residency.model.catalogue import Role

_NAME_KEYS = ("bucket", "identifier", "clusterIdentifier", "name", "replicationGroupId", "globalClusterIdentifier")
IDENTITY_KEYS = (
    *_NAME_KEYS,
    "functionName",
    "tableName",
    "domainName",
    "clusterId",
    "clusterName",
    "repositoryName",
    "streamName",
    "queueName",
    "topicName",
    "fileSystemId",
    "creationToken",
    "dbName",
)
"""Input keys that hold a resource's own physical name: another resource quoting that name refers to it."""


class Graph:
    def __init__(self, facts: Iterable[ResourceFacts]) -> None:
        self.by_urn: dict[str, ResourceFacts] = {f.urn: f for f in facts}
        self._by_name: dict[tuple[str, str], ResourceFacts] = {}
        self._by_text: dict[str, ResourceFacts] = {}
        for f in self.by_urn.values():
            props = f.props
            for key in IDENTITY_KEYS:
                value = reveal(props.get(key))
                if not isinstance(value, str) or is_unknown(value):
                    continue
                if key in _NAME_KEYS:
                    self._by_name.setdefault((f.type, value), f)
                if self._is_identity(f, key):
                    self._by_text.setdefault(value, f)
            for key in ("arn", "id"):
                value = f.resource.outputs.get(key)
                if isinstance(value, str) and len(value) >= 3:
                    self._by_text.setdefault(value, f)

    @staticmethod
    def _is_identity(f: ResourceFacts, key: str) -> bool:
        """Is `key` this resource's own name (a bucket's `bucket`), not a reference to another (a config's)?"""
        if f.entry is None or not f.entry.holds_data:
            return False
        if key == "bucket":
            return f.type in BUCKET_TYPES or f.type.endswith(
                ("directoryBucket:DirectoryBucket", "s3control/bucket:Bucket")
            )
        return f.role is not Role.MOVER or key == "name"

    def named(self, types: Iterable[str], name: object) -> ResourceFacts | None:
        if not isinstance(name, str):
            return None
        for t in types:
            hit = self._by_name.get((t, name))
            if hit is not None:
                return hit
        return None

    def bucket(self, name: str) -> ResourceFacts | None:
        return self.named(BUCKET_TYPES, name)

    def by_text(self, text: str) -> ResourceFacts | None:
        """A data-holding resource whose physical name (or recorded id/ARN) is exactly `text`."""
        return self._by_text.get(text)

    def by_arn(self, types: Iterable[str], arn: object) -> ResourceFacts | None:
        """Match an ARN's last path segment against physical names (inputs carry names, not ARNs)."""
        if not isinstance(arn, str) or not arn.startswith("arn:"):
            return None
        tail = arn_resource(arn)
        name = tail.replace(":", "/").split("/")[-1]
        return self.named(types, name)

    def by_any_arn(self, arn: str) -> ResourceFacts | None:
        """The stack resource an ARN names, when its recorded ARN or its name (last ARN segment) matches one."""
        exact = self._by_text.get(arn)
        if exact is not None:
            return exact
        tail = arn_resource(arn).replace(":", "/")
        if arn.split(":", 3)[2:3] == ["s3"]:
            return self.bucket(tail.split("/", 1)[0])
        segments = [s for s in tail.split("/") if s and s != "*"]
        # The name, never the resource-type segment before it ("db" in db:name would match any store called db).
        names = segments[1:] if len(segments) > 1 else segments
        for candidate in ("/".join(names), "/" + "/".join(names), names[-1] if names else ""):
            found = self._by_text.get(candidate) if candidate else None
            if found is not None:
                return found
        return None

    def dependencies(self, f: ResourceFacts, prop: str | None, types: Iterable[str]) -> list[ResourceFacts]:
        wanted = set(types)
        urns = f.resource.property_dependencies.get(prop, ()) if prop else f.resource.dependencies
        return [self.by_urn[u] for u in urns if u in self.by_urn and self.by_urn[u].type in wanted]
