"""Org and collection settings read from stack config (`residency:org`, `residency:collections`)."""

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from residency.model.controls import retention_floor
from residency.model.data_classes import DataClass
from residency.model.regions import Region
from residency.model.retention import CLOUDWATCH_RETENTION_DAYS, accepted_values


class Residency(StrEnum):
    ID_ONLY = "ID-only"
    ID_SG = "ID-SG"


class SinkRegion(StrEnum):
    ID = "ID"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Scc(_Strict):
    """Standard Contractual Clauses covering personal data transfer out of Indonesia."""

    reference: Annotated[str, Field(min_length=1)]
    signed_on: date = Field(alias="signedOn")
    destinations: tuple[Region, ...] = Field(min_length=1)
    expires: date | None = None

    def in_force(self, today: date) -> bool:
        return self.signed_on <= today and (self.expires is None or today <= self.expires)


def _shown(value: Any) -> str:
    """A config value as it was written (YAML/JSON spelling: true, "365", 365.0, null)."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


class RetentionDays(BaseModel):
    """`default` plus per data-class overrides, each a value CloudWatch Logs accepts."""

    model_config = ConfigDict(extra="allow", frozen=True)

    default: int = 365

    @model_validator(mode="before")
    @classmethod
    def _whole_days(cls, raw: Any) -> Any:
        """Strict for `default` as for the classes: `true`, '365' and 365.0 are not a number of days."""
        if not isinstance(raw, dict):
            raise ValueError(
                f"{_shown(raw)} is not a number of days or a mapping {{default: days, <data class>: days}}; "
                f"accepted days: {accepted_values()}"
            )
        for key, days in raw.items():
            if not isinstance(days, int) or isinstance(days, bool):
                raise ValueError(
                    f"retentionDays.{key} = {_shown(days)} is not a whole number of days; accepted: {accepted_values()}"
                )
        return raw

    @model_validator(mode="after")
    def _check(self) -> "RetentionDays":
        for key, days in [("default", self.default), *(self.model_extra or {}).items()]:
            if key != "default" and key not in DataClass.__members__.values():
                raise ValueError(
                    f"unknown data class {key!r} in retentionDays; allowed: default, "
                    + ", ".join(c.value for c in DataClass)
                )
            if not isinstance(days, int) or isinstance(days, bool):
                raise ValueError(
                    f"retentionDays.{key} = {days!r} is not a whole number of days; accepted: {accepted_values()}"
                )
            if days not in CLOUDWATCH_RETENTION_DAYS:
                raise ValueError(
                    f"retentionDays.{key} = {days} is not a value CloudWatch Logs accepts; "
                    f"accepted: {accepted_values()}"
                )
            floor = retention_floor(DataClass(key)) if key != "default" else None
            if floor is not None and days < floor:
                raise ValueError(f"retentionDays.{key} = {days} is below the {floor}-day floor for audit classes")
        return self

    def items(self) -> list[tuple[str, int]]:
        extra = self.model_extra or {}
        return [("default", self.default), *((k, int(v)) for k, v in extra.items())]

    def explicit(self, data_class: DataClass) -> bool:
        return data_class.value in dict(self.items())

    def for_class(self, data_class: DataClass) -> int:
        """Days to keep data of this class; audit classes never go below their floor."""
        configured = dict(self.items()).get(data_class.value)
        if configured is not None:
            return configured
        floor = retention_floor(data_class)
        return self.default if floor is None else max(self.default, floor)


def egress_allowed(region: Region, residency: Residency) -> bool:
    """Where webhook deliveries may leave from: Jakarta, or Singapore under ID-SG (the posture adds the SCC)."""
    return region is Region.ID_JKT_1 or (region is Region.SG_SIN_1 and residency is Residency.ID_SG)


class OrgSettings(_Strict):
    data_residency: Residency = Field(Residency.ID_ONLY, alias="dataResidency")
    scc: Scc | None = None
    # Strict: pydantic's lax bool reads 1, "yes" or "on" as true, and true loosens the posture (telemetry at the edge).
    ops_telemetry: StrictBool = Field(False, alias="opsTelemetry")
    webhook_egress_region: Region = Field(Region.ID_JKT_1, alias="webhookEgressRegion")
    retention_days: RetentionDays = Field(default_factory=RetentionDays, alias="retentionDays")
    require_sink_region: SinkRegion | None = Field(None, alias="requireSinkRegion")

    @field_validator("retention_days", mode="before")
    @classmethod
    def _retention_from_int(cls, value: Any) -> Any:
        return {"default": value} if isinstance(value, int) else value


PLATFORM_COLLECTION = "platform"
"""The collection tag of org-wide stores (audit sink, SAR envelopes, trail, watchlist): judged by the org."""


class Collection(_Strict):
    name: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    classes: tuple[DataClass, ...] = ()
    data_residency: Residency | None = Field(None, alias="dataResidency")
    webhook_egress_region: Region | None = Field(None, alias="webhookEgressRegion")

    @field_validator("name")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value == PLATFORM_COLLECTION:
            raise ValueError(f"{PLATFORM_COLLECTION!r} is reserved for org-wide stores; choose another name")
        return value
