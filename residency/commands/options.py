"""Options several commands share, declared once."""

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
