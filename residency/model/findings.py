"""The normalised result every adapter (pack, gate, diff, audit) reports."""

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    MANDATORY = "mandatory"
    ADVISORY = "advisory"
    DISABLED = "disabled"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class Finding:
    policy: str
    level: Level
    message: str
    urn: str | None = None
    resource_type: str | None = None
    region: str | None = None
    data_class: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"policy": self.policy, "level": self.level.value, "urn": self.urn, "message": self.message}
