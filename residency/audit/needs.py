"""Which per-resource reads a rule actually needs, so the audit makes them only there.

Discovery (one tagging sweep per region, plus service list calls) gives every resource's ARN, region and tags.
A detail read is made only when a rule would judge what it returns: copy mechanisms (replication, subscription
filters, multi-Region keys) for classes whose copies are restricted, and the protection reads for classes whose
controls demand them (`residency/model/controls.py`). A resource of unknown class gets every read (fail closed).
"""

from dataclasses import dataclass
from enum import StrEnum

from residency.facts.data_class import read_data_class
from residency.model.controls import CONTROLS
from residency.model.data_classes import MATRIX, DataClass, RegionRule


class RuleSet(StrEnum):
    RESIDENCY = "residency"
    """Placement and copies only: the fewest calls."""
    ALL = "all"
    """Every rule, protections included."""


@dataclass(frozen=True)
class Needs:
    rules: RuleSet = RuleSet.ALL
    ops_telemetry_anywhere: bool = False

    @staticmethod
    def _class(tags: dict[str, str] | None) -> DataClass | None:
        """The class exactly as the rules will read it: conflicting or near-miss tag keys leave it unknown, and an
        unknown class gets every read."""
        return read_data_class(dict(tags or {}), None).data_class

    def copies(self, tags: dict[str, str] | None) -> bool:
        """Read its copy mechanisms unless its class may be copied anywhere (ops telemetry under
        `opsTelemetry: true`). Software artefacts are bounded to the platform's three regions, but that bound is
        hygiene, not residency (they hold no personal data): read only when every rule runs."""
        data_class = self._class(tags)
        if data_class is None:
            return True
        rule = MATRIX[data_class].region_rule
        if rule is RegionRule.ANYWHERE_KNOWN:
            return self.rules is RuleSet.ALL
        return not (rule is RegionRule.OPS_TELEMETRY and self.ops_telemetry_anywhere)

    def control(self, tags: dict[str, str] | None, flag: str) -> bool:
        """Read what control `flag` of the catalogue checks, when the protection rules run and the class needs it."""
        if self.rules is RuleSet.RESIDENCY:
            return False
        data_class = self._class(tags)
        return data_class is None or bool(getattr(CONTROLS[data_class], flag))
