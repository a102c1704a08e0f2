"""Shared fixtures: a fixed 'today' so SCC expiry is reproducible, and helpers to build settings."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from residency.gate.pack_pool import SHARED_ENV
from residency.model.clock import TODAY_ENV
from residency.model.posture import Posture
from residency.model.stack_settings import load_stack_settings

TODAY = date(2026, 11, 27)

SCC: dict[str, Any] = {
    "reference": "SCC-2026-014",
    "signedOn": "2026-07-01",
    "destinations": ["sg-sin-1"],
    "expires": "2028-06-30",
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    # End-to-end suites serve every program to one kept-alive pack per worker (see residency/gate/pack_pool.py).
    monkeypatch.setenv(SHARED_ENV, "1")
    yield


def posture(
    org: dict[str, Any] | None = None,
    collections: list[dict[str, Any]] | None = None,
    today: date = TODAY,
    accepted: frozenset[str] | None = None,
) -> Posture:
    config: dict[str, Any] = {}
    if org is not None:
        config["residency:org"] = org
    if collections is not None:
        config["residency:collections"] = collections
    return Posture(load_stack_settings(config, today), today, accepted)


ID_ONLY = posture()
ID_SG = posture({"dataResidency": "ID-SG", "scc": SCC})
