"""The one record every adapter (pack, gate, diff, audit) reports: a `Finding` with a typed level."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    MANDATORY = "mandatory"
    REMEDIATE = "remediate"
    ADVISORY = "advisory"
    DISABLED = "disabled"

    @property
    def blocking(self) -> bool:
        """A remediation that still reports a violation blocks, as the engine does."""
        return self in (Level.MANDATORY, Level.REMEDIATE)

    @classmethod
    def parse(cls, value: object) -> "Level":
        """Read a level from a plan or report; anything unrecognised blocks (fail closed)."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.MANDATORY


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

    @property
    def blocking(self) -> bool:
        return self.level.blocking

    def sort_key(self) -> tuple[bool, str, str, str]:
        """Blocking findings first, then by policy, resource and message: the order of every output."""
        return (not self.blocking, self.policy, self.urn or "", self.message)

    def to_json(self) -> dict[str, str | None]:
        return {"policy": self.policy, "level": self.level.value, "urn": self.urn, "message": self.message}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "Finding":
        urn = raw.get("urn")
        return cls(
            policy=str(raw.get("policy", "")),
            level=Level.parse(raw.get("level")),
            message=str(raw.get("message", "")),
            urn=str(urn) if urn else None,
        )
