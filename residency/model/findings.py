"""The one record every adapter (pack, gate, diff, audit) reports: a `Finding` with a typed level."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from residency.model.exceptions import ExceptionEntry, Waiver


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


RESIDENCY_CORE = frozenset(
    {
        "require-data-class-tag",
        "restrict-data-class-region",
        "restrict-cross-region-replication",
        "enforce-volume-region-topology",
        "require-valid-residency-settings",
        "require-valid-exceptions",
        "one-org-posture",
    }
)
"""Where data is and where it goes: these findings come before the hygiene ones in every output."""


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
    waiver: Waiver | None = None
    """The exception that accepted this finding: shown everywhere, blocking nothing."""

    @property
    def blocking(self) -> bool:
        return self.level.blocking and self.waiver is None

    def sort_key(self) -> tuple[bool, bool, str, str, str]:
        """Blocking first, residency before hygiene, then policy, resource and message: every output's order."""
        return (not self.blocking, self.policy not in RESIDENCY_CORE, self.policy, self.urn or "", self.message)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "policy": self.policy,
            "level": self.level.value,
            "urn": self.urn,
            "message": self.message,
        }
        if self.waiver is not None:
            out["waived"] = {"exception": self.waiver.key, **self.waiver.entry.to_json()}
        return out

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "Finding":
        urn = raw.get("urn")
        return cls(
            policy=str(raw.get("policy", "")),
            level=Level.parse(raw.get("level")),
            message=str(raw.get("message", "")),
            urn=str(urn) if urn else None,
            waiver=_waiver(raw.get("waived")),
        )


def _waiver(raw: object) -> Waiver | None:
    """A plan's record of a waiver; one that does not read as a valid exception waives nothing (fail closed)."""
    if not isinstance(raw, dict):
        return None
    key = str(raw.get("exception", ""))
    try:
        index = int(key.rsplit("[", 1)[1].rstrip("]"))
        return Waiver(index, ExceptionEntry.model_validate({k: v for k, v in raw.items() if k != "exception"}))
    except (IndexError, ValueError):
        return None
