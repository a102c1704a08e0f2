"""Options several commands share, declared once."""

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

F = Callable[..., Any]


def settings_options(fn: F) -> F:
    """`--stack S` or `--settings FILE`: where the org settings come from (else the strictest posture)."""
    fn = click.option(
        "--settings",
        "settings_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Read org settings (org, collections) from a YAML or JSON file.",
    )(fn)
    return click.option(
        "--stack", default=None, help="Read org settings from Pulumi.<stack>.yaml in the current directory."
    )(fn)


class Seconds(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click stubs
    """A finite number of seconds in a range: `inf` and `nan` parse as floats but are not a timeout."""

    name = "seconds"

    def __init__(self, low: float = 1.0, high: float = 86_400.0) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or not self.low <= seconds <= self.high:
            self.fail(f"{value!r} is not between {self.low:g} and {self.high:g} seconds", param, ctx)
        return seconds


cwd_option = click.option(
    "--cwd",
    "-C",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Directory in (or under) the project; Pulumi.yaml is searched upward like the CLI does.",
)
"""`--cwd`: where a command finds the project, the same for every command that reads one."""
