"""Today is one date wherever the tool runs: the machine's time zone must not decide whether an SCC has expired."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _today_under(tz: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "RESIDENCY_TODAY"} | {"TZ": tz, "PYTHONPATH": str(REPO)}
    code = "from residency.model.clock import today; print(today())"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not Path("/usr/share/zoneinfo/Pacific/Kiritimati").exists(), reason="needs the tz database")
def test_today_does_not_depend_on_the_machines_time_zone() -> None:
    """UTC+14 and UTC-12 are always on different dates: the local date gave two answers for one run."""
    assert _today_under("Pacific/Kiritimati") == _today_under("Etc/GMT+12")
