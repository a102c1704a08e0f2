"""Today's date, overridable so that SCC expiry is testable and reproducible."""

import os
from datetime import date

from residency.model.errors import ResidencyConfigError

TODAY_ENV = "RESIDENCY_TODAY"


def today() -> date:
    raw = os.environ.get(TODAY_ENV)
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ResidencyConfigError(TODAY_ENV, f"{raw!r} is not a date (YYYY-MM-DD)") from None
