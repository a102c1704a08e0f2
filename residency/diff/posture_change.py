"""What the organisation agreed to, before and after: the auditor's first question, answered first.

Read from the settings each plan recorded (`residency:org`, `residency:collections`, `residency:exceptions`)
and its policy configuration. Settings that do not validate are shown as given, marked invalid.
"""

import json
from dataclasses import dataclass

from residency.diff.snapshot import Snapshot
from residency.model.clock import today
from residency.model.errors import ResidencyConfigError
from residency.model.settings import OrgSettings, Scc
from residency.model.stack_settings import COLLECTIONS_KEY, ORG_KEY, StackSettings, load_stack_settings

NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class PostureField:
    key: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _parsed(snapshot: Snapshot) -> StackSettings | str | None:
    if snapshot.parsed is None:
        snapshot.parsed = (_parse(snapshot),)
    value: StackSettings | str | None = snapshot.parsed[0]
    return value


def _parse(snapshot: Snapshot) -> StackSettings | str | None:
    if snapshot.settings is None:
        return None
    config = {k: v for k, v in snapshot.settings.items() if k in (ORG_KEY, COLLECTIONS_KEY)}
    try:
        return load_stack_settings(config, today())
    except ResidencyConfigError as exc:
        return f"invalid ({exc})"


def scc_text(scc: Scc | None) -> str:
    if scc is None:
        return "none"
    destinations = ", ".join(d.value for d in scc.destinations)
    return f"{scc.reference} (signed {scc.signed_on}, expires {scc.expires or 'never'}, destinations {destinations})"


def _org_fields(org: OrgSettings) -> dict[str, str]:
    retention = ", ".join(f"{k}: {v}" for k, v in org.retention_days.items())
    return {
        "dataResidency": org.data_residency.value,
        "scc": scc_text(org.scc),
        "opsTelemetry": str(org.ops_telemetry).lower(),
        "webhookEgressRegion": org.webhook_egress_region.value,
        "retentionDays": retention,
        "requireSinkRegion": org.require_sink_region.value if org.require_sink_region else "unset",
    }


def _fields(snapshot: Snapshot) -> dict[str, str]:
    parsed = _parsed(snapshot)
    if parsed is None:
        return {}
    if isinstance(parsed, str):
        return {"residency settings": parsed}
    out = _org_fields(parsed.org)
    for coll in parsed.collections:
        override = {
            "dataResidency": coll.data_residency.value if coll.data_residency else None,
            "webhookEgressRegion": coll.webhook_egress_region.value if coll.webhook_egress_region else None,
        }
        shown = {k: v for k, v in override.items() if v is not None}
        classes = ", ".join(c.value for c in coll.classes)
        out[f"collection {coll.name}"] = classes + (f" ({json.dumps(shown)})" if shown else "")
    for policy, level in sorted((snapshot.policy_levels or {}).items()):
        out[f"policy {policy}"] = level
    for entry in snapshot.exceptions or []:
        out[f"exception {entry.get('policy')} on {entry.get('resource')}"] = (
            f"{entry.get('ticket')} until {entry.get('expires')}"
        )
    return out


@dataclass(frozen=True)
class PostureSummary:
    changed: list[PostureField]
    current: list[PostureField]
    """The first settings in force (dataResidency, scc), to say what stayed when nothing changed."""


def posture_summary(before: Snapshot, after: Snapshot) -> PostureSummary | None:
    """What every diff format opens with; None when neither side recorded settings."""
    fields = posture_fields(before, after)
    if not fields:
        return None
    return PostureSummary([f for f in fields if f.changed], fields[:2])


def posture_fields(before: Snapshot, after: Snapshot) -> list[PostureField]:
    """Every posture setting either side recorded, before and after (a side that recorded none says so)."""
    a, b = _fields(before), _fields(after)
    if not a and not b:
        return []
    missing_a = NOT_RECORDED if before.settings is None else "none"
    missing_b = NOT_RECORDED if after.settings is None else "none"
    keys = list(dict.fromkeys([*a, *b]))
    return [PostureField(k, a.get(k, missing_a), b.get(k, missing_b)) for k in keys]


def settings_of(snapshot: Snapshot) -> StackSettings | None:
    parsed = _parsed(snapshot)
    return parsed if isinstance(parsed, StackSettings) else None
