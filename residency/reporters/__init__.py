"""One output format per file; each is `render(result) -> str`, looked up by `--format`."""

from collections.abc import Callable

from residency.report import Report
from residency.reporters import github, json_report, junit, markdown, sarif, text

Reporter = Callable[[Report], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "markdown": markdown.render,
    "github": github.render,
}
