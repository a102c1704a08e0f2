"""`--report FORMAT=PATH`: several formats from one run, each written atomically, even for a failed run."""

from collections.abc import Sequence
from pathlib import Path

from residency.files import OutputError, write_atomically
from residency.model.errors import ResidencyConfigError
from residency.report import Report
from residency.reporters import REPORTERS
from residency.reporters.combined import combine


def parse_reports(specs: Sequence[str]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    allowed = ", ".join(sorted(REPORTERS))
    for spec in specs:
        fmt, sep, path = spec.partition("=")
        if not sep or not path:
            raise ResidencyConfigError("--report", f"{spec!r} is not FORMAT=PATH (formats: {allowed})")
        if fmt not in REPORTERS:
            raise ResidencyConfigError("--report", f"unknown format {fmt!r}; allowed: {allowed}")
        if fmt in out:
            raise ResidencyConfigError("--report", f"{fmt} is requested twice; give each format once")
        out[fmt] = Path(path)
    return out


def write_reports(reports: dict[str, Path], results: Sequence[Report]) -> None:
    """Every report that can be written is written; then the first that could not be raises its OutputError."""
    failed: list[OutputError] = []
    for fmt, path in reports.items():
        try:
            write_atomically(path, combine(fmt, REPORTERS[fmt], results))
        except OutputError as exc:
            failed.append(exc)
    if failed:
        raise failed[0]
