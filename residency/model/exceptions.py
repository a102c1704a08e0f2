"""Accepted deviations as data (`residency:exceptions`): who accepted what, why, until when.

An exception waives one policy's findings on the resources it names; it never waives the pinned promises
(a placement outside Jakarta, a copy of a class that is never replicated), and an expired one waives nothing.
"""

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fnmatch import fnmatchcase
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from residency.model.data_classes import PINNED_CLASSES, DataClass
from residency.model.errors import ResidencyConfigError, plain_problem

EXCEPTIONS_KEY = "residency:exceptions"
MIN_REASON = 20
MAX_AHEAD = timedelta(days=366)
PLACEHOLDER_REASON = "TODO: explain why this deviation is accepted"
"""What `residency baseline` writes; it fails validation on purpose until a person replaces it."""

NEVER_WAIVED = {
    "restrict-data-class-region": "a placement outside Jakarta is a pinned promise (data always stays in ID)",
    "enforce-volume-region-topology": "a placement outside Jakarta is a pinned promise (data always stays in ID)",
    "require-valid-residency-settings": "invalid settings cannot be waived; fix them",
    "require-valid-exceptions": "the exceptions themselves cannot be waived",
    "one-org-posture": "stacks of one organisation must agree; fix the settings",
}
COPY_POLICY = "restrict-cross-region-replication"

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ExceptionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    policy: _Text
    resource: _Text
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=MIN_REASON)]
    approved_by: _Text = Field(alias="approvedBy")
    ticket: _Text
    expires: date

    def matches(self, policy: str, identifiers: Sequence[str]) -> bool:
        if policy != self.policy:
            return False
        return any(i == self.resource or fnmatchcase(i, self.resource) for i in identifiers if i)

    def describe(self) -> str:
        return f"{self.ticket}, approved by {self.approved_by}, expires {self.expires}: {self.reason}"

    def to_json(self) -> dict[str, str]:
        return {
            "policy": self.policy,
            "resource": self.resource,
            "reason": self.reason,
            "approvedBy": self.approved_by,
            "ticket": self.ticket,
            "expires": self.expires.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Waiver:
    """The exception a finding was waived by, as every report shows it."""

    index: int
    entry: ExceptionEntry

    @property
    def key(self) -> str:
        return f"{EXCEPTIONS_KEY}[{self.index}]"


@dataclass(frozen=True, slots=True)
class Decision:
    waiver: Waiver | None = None
    refused: str | None = None
    """Why a matching exception may not waive this finding (the finding stays, naming the entry)."""


def _fields() -> str:
    return ", ".join(f.alias or n for n, f in ExceptionEntry.model_fields.items())


def load_exceptions(
    config: Mapping[str, Any], today: date, known_policies: Collection[str]
) -> tuple[ExceptionEntry, ...]:
    """Validate `residency:exceptions`; raise ResidencyConfigError naming the first bad entry."""
    raw = config.get(EXCEPTIONS_KEY)
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResidencyConfigError(EXCEPTIONS_KEY, f"is not a valid JSON or YAML list ({exc.msg})") from None
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ResidencyConfigError(EXCEPTIONS_KEY, f"must be a list of {{{_fields()}}}")
    out = []
    for index, item in enumerate(raw):
        key = f"{EXCEPTIONS_KEY}[{index}]"
        if not isinstance(item, Mapping):
            raise ResidencyConfigError(key, f"must be an object with keys {_fields()}")
        try:
            entry = ExceptionEntry.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"])
            if err["type"] == "missing":
                problem = "is required"
            elif err["type"] == "extra_forbidden":
                problem = f"unknown key; allowed keys: {_fields()}"
            elif field == "reason":
                problem = f"must say why in at least {MIN_REASON} characters"
            else:
                problem = plain_problem(dict(err))
            raise ResidencyConfigError(f"{key}.{field}", problem) from None
        if entry.reason.startswith(PLACEHOLDER_REASON):
            raise ResidencyConfigError(f"{key}.reason", "is the baseline placeholder; say why this is accepted")
        if entry.policy in NEVER_WAIVED:
            raise ResidencyConfigError(
                f"{key}.policy", f"{entry.policy} cannot be waived: {NEVER_WAIVED[entry.policy]}"
            )
        if _too_broad(entry.resource):
            raise ResidencyConfigError(
                f"{key}.resource",
                f"{entry.resource!r} names no resource: a pattern that matches everything would switch "
                f"{entry.policy} off; name the URN, a URN glob or an ARN of the resources accepted",
            )
        if entry.policy not in known_policies:
            raise ResidencyConfigError(
                f"{key}.policy", f"unknown policy {entry.policy!r}; allowed: {', '.join(sorted(known_policies))}"
            )
        if entry.expires > today + MAX_AHEAD:
            raise ResidencyConfigError(
                f"{key}.expires", f"{entry.expires} is more than a year ahead; allowed: up to {today + MAX_AHEAD}"
            )
        out.append(entry)
    return tuple(out)


_UNRELATED = (
    (
        "urn:pulumi:qx-stack::qx-proj::aws:s3/bucket:Bucket::qx-name",
        "urn:pulumi:zy-other::zy-app::kubernetes:core/v1:Secret::zy-thing",
    ),
    (
        "arn:aws:kms:ap-southeast-1:000000000000:key/0000",
        "arn:aws-us-gov:rds:us-gov-west-1:111111111111:db:yy",
        "arn:aws:s3:::zz-bucket",
    ),
)
"""Resources of different stacks, projects, types, services and regions: a pattern matching two of a kind names
no resource, whatever its letters (`[a-z]*` and `urn:*` have enough of them to pass the literal count)."""


def _too_broad(pattern: str) -> bool:
    if any(sum(fnmatchcase(probe, pattern) for probe in kind) >= 2 for kind in _UNRELATED):
        return True
    literal = pattern
    for prefix in ("urn:pulumi:", "arn:aws:", "arn:"):
        literal = literal.removeprefix(prefix)
    literal = "".join(ch for ch in literal if ch not in "*?[]:/")
    return len(literal) < 3


def never_waived_copy(policy: str, data_class: DataClass | None) -> str | None:
    """Why no exception can waive this finding, for a copy of pinned or undetermined data; None when one can."""
    if policy != COPY_POLICY or (data_class is not None and data_class not in PINNED_CLASSES):
        return None
    what = data_class.value if data_class else "data of undetermined class (judged as audit-log)"
    return f"{what} is never replicated, by design"


def decide(
    entries: Sequence[ExceptionEntry],
    policy: str,
    identifiers: Sequence[str],
    data_class: DataClass | None,
    today: date,
) -> Decision:
    """Whether a finding of `policy` on the resource known by `identifiers` (URN, ARN) is waived."""
    for index, entry in enumerate(entries):
        if entry.expires < today or not entry.matches(policy, identifiers):
            continue
        never = never_waived_copy(policy, data_class)
        if never:
            return Decision(refused=f"{EXCEPTIONS_KEY}[{index}] refused: {never}")
        return Decision(waiver=Waiver(index, entry))
    return Decision()


def expired(entries: Sequence[ExceptionEntry], today: date) -> list[tuple[int, ExceptionEntry]]:
    return [(i, e) for i, e in enumerate(entries) if e.expires < today]


def days_left(entry: ExceptionEntry, today: date) -> int:
    return (entry.expires - today).days
