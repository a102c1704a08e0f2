"""What the tagging sweep found, per region: every tagged resource's ARN and tags, shared with the collectors."""

import threading


class Inventory:
    def __init__(self) -> None:
        self._tags: dict[str, dict[str, str]] = {}
        self._regions: dict[str, set[str]] = {}
        self._swept: set[str] = set()
        self._by_resource: dict[tuple[str, str, str], str] = {}
        self._lock = threading.Lock()

    def add(self, region: str, arn: str, tags: dict[str, str]) -> None:
        with self._lock:
            self._tags[arn] = tags
            self._regions.setdefault(arn, set()).add(region)
            parts = arn.split(":", 5)
            if len(parts) == 6:
                self._by_resource[(parts[2], parts[3], parts[5])] = arn

    def arn(self, service: str, region: str, resource: str) -> str | None:
        """The swept ARN of `resource` (e.g. `table/orders`), for services whose list calls return names only."""
        return self._by_resource.get((service, region, resource))

    def mark_swept(self, region: str) -> None:
        with self._lock:
            self._swept.add(region)

    def swept(self, region: str) -> bool:
        return region in self._swept

    def tags(self, arn: str) -> dict[str, str] | None:
        """The resource's tags from the sweep, or None when the sweep did not list it (untagged, or not swept)."""
        return self._tags.get(arn)

    def region(self, arn: str) -> str | None:
        """The one region whose sweep listed it; None when none did, or several did (then nobody can tell)."""
        regions = self._regions.get(arn, set())
        return next(iter(regions)) if len(regions) == 1 else None
