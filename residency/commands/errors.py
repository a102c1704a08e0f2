"""Turn any bad-input error into one line on stderr and exit code 2; never a traceback."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console

from residency.model.errors import ResidencyConfigError

USAGE_ERROR = 2
_stderr = Console(stderr=True, highlight=False)


def one_line(exc: BaseException) -> str:
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip())


@contextmanager
def one_line_errors() -> Iterator[None]:
    try:
        yield
    except ResidencyConfigError as exc:
        click.echo(f"error: {one_line(exc)}", err=True)
        sys.exit(USAGE_ERROR)


def progress_printer() -> Callable[[str], None]:
    """Progress goes to a terminal's stderr only, so CI logs and captured stderr stay one clean line."""
    if not sys.stderr.isatty():
        return lambda _message: None
    return lambda message: _stderr.print(f"[dim]… {message}[/dim]")


def status_line(message: str) -> None:
    """A plain progress line on stderr, for logs that are not a terminal (CI): no colour codes."""
    click.echo(f"… {message}", err=True)
