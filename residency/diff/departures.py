"""What now leaves Indonesia because of a change, per destination, and which SCC (if any) authorises it."""

from collections import defaultdict
from dataclasses import dataclass

from residency.diff.compare import ResidencyDiff, placements
from residency.diff.posture_change import settings_of
from residency.facts.resource import CopyEdge
from residency.model.regions import in_indonesia, label, logical_region
from residency.model.settings import Residency
from residency.model.stack_settings import StackSettings


@dataclass(frozen=True)
class Departure:
    how: str  # "copied to" or "placed in"
    destination: str | None
    classes: tuple[str, ...]
    authority: str

    def line(self) -> str:
        logical = logical_region(self.destination or "")
        where = label(self.destination) + (f" ({logical.value})" if logical else "")
        return f"{', '.join(self.classes)}: now {self.how} {where} {self.authority}"


def authority(settings: StackSettings | None, destination: str | None) -> str:
    """The SCC that covers a transfer to `destination` under the after-side settings, or a plain "none"."""
    if settings is None:
        return "(the plan records no settings: no SCC can be shown to authorise it)"
    org, logical = settings.org, logical_region(destination or "")
    scc = org.scc
    if scc is not None and org.data_residency is Residency.ID_SG and logical in scc.destinations:
        return f"under {scc.reference}, expires {scc.expires or 'never'}"
    return "and no SCC authorises it"


def edge_authority(diff: ResidencyDiff, edge: CopyEdge) -> str:
    if in_indonesia(edge.destination_region):
        return "stays in Indonesia"
    return authority(settings_of(diff.after), edge.destination_region)


def departures(diff: ResidencyDiff) -> list[Departure]:
    settings = settings_of(diff.after)
    grouped: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for e in diff.edges_added:
        if e.cross_region and not in_indonesia(e.destination_region):
            grouped[("copied to", e.destination_region)].add(e.data_class or "unknown class")
    before, after = placements(diff.before.stores), placements(diff.after.stores)
    for data_class, regions in after.items():
        for region in regions - before.get(data_class, set()):
            if region != "unknown" and not in_indonesia(region):
                grouped[("placed in", region)].add(data_class)
    return [
        Departure(how, dest, tuple(sorted(classes)), authority(settings, dest))
        for (how, dest), classes in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    ]
