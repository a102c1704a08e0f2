"""Renderers of a residency diff, one format per file."""

from collections.abc import Callable

from residency.diff.compare import ResidencyDiff
from residency.reporters.diff import html, json_report, markdown, text

DiffReporter = Callable[[ResidencyDiff], str]

DIFF_REPORTERS: dict[str, DiffReporter] = {
    "markdown": markdown.render,
    "json": json_report.render,
    "html": html.render,
    "text": text.render,
}
