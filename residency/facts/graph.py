"""Look-ups across a stack's resources: by URN, by physical name, by dependency."""

from collections.abc import Iterable

from residency.facts.resource import ResourceFacts
from residency.facts.values import arn_resource, reveal

_NAME_KEYS = ("bucket", "identifier", "clusterIdentifier", "name", "replicationGroupId", "globalClusterIdentifier")


class Graph:
    def __init__(self, facts: Iterable[ResourceFacts]) -> None:
        self.by_urn: dict[str, ResourceFacts] = {f.urn: f for f in facts}
        self._by_name: dict[tuple[str, str], ResourceFacts] = {}
        for f in self.by_urn.values():
            for key in _NAME_KEYS:
                value = reveal(f.props.get(key))
                if isinstance(value, str):
                    self._by_name.setdefault((f.type, value), f)

    def named(self, types: Iterable[str], name: object) -> ResourceFacts | None:
        if not isinstance(name, str):
            return None
        for t in types:
            hit = self._by_name.get((t, name))
            if hit is not None:
                return hit
        return None

    def by_arn(self, types: Iterable[str], arn: object) -> ResourceFacts | None:
        """Match an ARN's last path segment against physical names (inputs carry names, not ARNs)."""
        if not isinstance(arn, str) or not arn.startswith("arn:"):
            return None
        tail = arn_resource(arn)
        name = tail.replace(":", "/").split("/")[-1]
        return self.named(types, name)

    def dependencies(self, f: ResourceFacts, prop: str | None, types: Iterable[str]) -> list[ResourceFacts]:
        wanted = set(types)
        urns = f.resource.property_dependencies.get(prop, ()) if prop else f.resource.dependencies
        return [self.by_urn[u] for u in urns if u in self.by_urn and self.by_urn[u].type in wanted]
