"""Today's date, overridable so that SCC expiry is testable and reproducible."""

import os
from datetime import date, datetime, timedelta, timezone

from residency.model.errors import ResidencyConfigError

TODAY_ENV = "RESIDENCY_TODAY"

JAKARTA = timezone(timedelta(hours=7), "WIB")
"""Whose calendar an SCC's or an exception's date is read in: Indonesia's (WIB, no daylight saving). The machine's
local date made one input two verdicts: a CI runner on UTC and a laptop in Jakarta disagreed for seven hours of
every day on whether an exception or SCC had expired."""


def today() -> date:
    raw = os.environ.get(TODAY_ENV)
    if not raw:
        return datetime.now(JAKARTA).date()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ResidencyConfigError(TODAY_ENV, f"{raw!r} is not a date (YYYY-MM-DD)") from None
