"""Exceptions added, removed, extended or otherwise changed between two plans: each one is a review item."""

from dataclasses import dataclass
from typing import Any

from residency.diff.snapshot import Snapshot


@dataclass(frozen=True)
class ExceptionChange:
    change: str  # added, removed, extended, shortened, changed
    policy: str
    resource: str
    ticket: str
    expires_before: str | None
    expires_after: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "policy": self.policy,
            "resource": self.resource,
            "ticket": self.ticket,
            "expiresBefore": self.expires_before,
            "expiresAfter": self.expires_after,
            "reason": self.reason,
        }

    def line(self) -> str:
        expiry = {
            "added": f"until {self.expires_after}",
            "removed": f"was until {self.expires_before}",
        }.get(self.change, f"{self.expires_before} -> {self.expires_after}")
        return f"exception {self.change}: {self.policy} on {self.resource} ({self.ticket}, {expiry})"


def _key(entry: dict[str, Any]) -> tuple[str, str]:
    return (str(entry.get("policy")), str(entry.get("resource")))


def exception_changes(before: Snapshot, after: Snapshot) -> list[ExceptionChange]:
    if after.exceptions is None and before.exceptions is None:
        return []
    old = {_key(e): e for e in before.exceptions or []}
    new = {_key(e): e for e in after.exceptions or []}
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if a is None:
            change = "added"
        elif b is None:
            change = "removed"
        elif str(b.get("expires")) > str(a.get("expires")):
            change = "extended"
        elif str(b.get("expires")) < str(a.get("expires")):
            change = "shortened"
        else:
            change = "changed"
        shown = b or a or {}
        out.append(
            ExceptionChange(
                change,
                key[0],
                key[1],
                str(shown.get("ticket", "")),
                str(a.get("expires")) if a else None,
                str(b.get("expires")) if b else None,
                str(shown.get("reason", "")),
            )
        )
    return out
