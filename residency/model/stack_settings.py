"""Read `residency:org` and `residency:collections` once, at the edge, into typed settings.

Config values arrive as YAML objects (stack files) or JSON strings (PULUMI_CONFIG, pulumi.Config);
both are accepted. Every problem becomes one ResidencyConfigError naming the key.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from residency.model.errors import ResidencyConfigError, plain_problem
from residency.model.regions import Region
from residency.model.settings import Collection, OrgSettings, Residency, egress_allowed

ORG_KEY = "residency:org"
COLLECTIONS_KEY = "residency:collections"


@dataclass(frozen=True)
class StackSettings:
    org: OrgSettings = field(default_factory=lambda: OrgSettings.model_validate({}))
    collections: tuple[Collection, ...] = ()

    def collection(self, name: str | None) -> Collection | None:
        return next((c for c in self.collections if c.name == name), None)


def _decode(key: str, raw: Any) -> Any:
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResidencyConfigError(key, f"is not valid JSON or YAML object ({exc.msg})") from None
    return raw


def _location(prefix: str, loc: tuple[int | str, ...]) -> str:
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _allowed_keys(model: type[BaseModel]) -> str:
    return ", ".join(f.alias or name for name, f in model.model_fields.items())


def _explain(prefix: str, exc: ValidationError, model: type[BaseModel]) -> ResidencyConfigError:
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    key = _location(prefix, loc)
    if err["type"] == "extra_forbidden":
        owner = _owner_model(model, loc[:-1])
        return ResidencyConfigError(key, f"unknown key; allowed keys: {_allowed_keys(owner)}")
    field = next((p for p in reversed(loc) if isinstance(p, str)), None)
    owner = _owner_model(model, loc[: loc.index(field)] if field is not None else ())
    allowed = _allowed_values(owner, field) if field is not None else None
    return ResidencyConfigError(key, plain_problem(dict(err), allowed))


def _allowed_values(model: type[BaseModel], alias: str) -> str | None:
    """The values an enum field (or a list of them) takes, for an error that must say what is allowed."""
    fields = {(f.alias or n): f for n, f in model.model_fields.items()}
    if alias not in fields:
        return None
    pending: list[Any] = [fields[alias].annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, Enum):
            return ", ".join(str(m.value) for m in current)
        pending.extend(a for a in getattr(current, "__args__", ()) if a is not Ellipsis)
    return None


def _owner_model(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {(f.alias or n): f for n, f in current.model_fields.items()}
        annotation = fields[str(part)].annotation if str(part) in fields else None
        for candidate in getattr(annotation, "__args__", (annotation,)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return current


def _check_org(org: OrgSettings, today: date) -> None:
    if org.data_residency is Residency.ID_SG:
        if org.scc is None:
            raise ResidencyConfigError(
                f"{ORG_KEY}.scc",
                "dataResidency ID-SG requires an scc {reference, signedOn, destinations: [sg-sin-1]}",
            )
        if Region.SG_SIN_1 not in org.scc.destinations:
            raise ResidencyConfigError(
                f"{ORG_KEY}.scc.destinations",
                "must include sg-sin-1 for dataResidency ID-SG; allowed values: " + ", ".join(r.value for r in Region),
            )
    if org.scc is not None:
        if org.scc.expires is not None and org.scc.expires < today:
            raise ResidencyConfigError(
                f"{ORG_KEY}.scc.expires",
                f"SCC {org.scc.reference} expired on {org.scc.expires}; renew it or set dataResidency: ID-only",
            )
        if org.scc.signed_on > today:
            raise ResidencyConfigError(
                f"{ORG_KEY}.scc.signedOn", f"{org.scc.signed_on} is in the future; an SCC in force must be signed"
            )
    _check_egress(f"{ORG_KEY}.webhookEgressRegion", org.webhook_egress_region, org.data_residency)


def _check_egress(key: str, region: Region, residency: Residency) -> None:
    if egress_allowed(region, residency):
        return
    allowed = "id-jkt-1, or sg-sin-1 when dataResidency is ID-SG"
    raise ResidencyConfigError(key, f"{region.value} is not allowed here; allowed: {allowed}")


def _check_collection(index: int, coll: Collection, org: OrgSettings) -> None:
    key = f"{COLLECTIONS_KEY}[{index}]"
    if coll.data_residency is Residency.ID_SG and org.data_residency is Residency.ID_ONLY:
        raise ResidencyConfigError(
            f"{key}.dataResidency",
            f"collection {coll.name!r} asks for ID-SG but the org is ID-only; an override may only be "
            "stricter (allowed: ID-only)",
        )
    residency = coll.data_residency or org.data_residency
    if coll.webhook_egress_region is not None:
        _check_egress(f"{key}.webhookEgressRegion", coll.webhook_egress_region, residency)


def load_stack_settings(config: Mapping[str, Any], today: date) -> StackSettings:
    """Validate the residency keys of one stack's config; raise ResidencyConfigError on the first problem."""
    raw_org = _decode(ORG_KEY, config.get(ORG_KEY)) or {}
    if not isinstance(raw_org, Mapping):
        raise ResidencyConfigError(ORG_KEY, "must be an object with keys " + _allowed_keys(OrgSettings))
    try:
        org = OrgSettings.model_validate(raw_org)
    except ValidationError as exc:
        raise _explain(ORG_KEY, exc, OrgSettings) from None
    _check_org(org, today)

    raw_colls = _decode(COLLECTIONS_KEY, config.get(COLLECTIONS_KEY)) or []
    if not isinstance(raw_colls, list):
        raise ResidencyConfigError(COLLECTIONS_KEY, "must be a list of {name, classes, ...}")
    collections: list[Collection] = []
    for index, raw in enumerate(raw_colls):
        if not isinstance(raw, Mapping):
            raise ResidencyConfigError(f"{COLLECTIONS_KEY}[{index}]", "must be an object")
        try:
            coll = Collection.model_validate(raw)
        except ValidationError as exc:
            raise _explain(f"{COLLECTIONS_KEY}[{index}]", exc, Collection) from None
        if any(c.name == coll.name for c in collections):
            raise ResidencyConfigError(f"{COLLECTIONS_KEY}[{index}].name", f"duplicate collection {coll.name!r}")
        _check_collection(index, coll, org)
        collections.append(coll)
    return StackSettings(org=org, collections=tuple(collections))
