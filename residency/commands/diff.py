"""`residency diff BEFORE AFTER`: what data moves where between two states."""

import sys
from pathlib import Path

import click

from residency.commands.errors import one_line_errors
from residency.diff.compare import compare
from residency.diff.readers import read_pair
from residency.files import check_writable, write_atomically
from residency.reporters.diff import DIFF_REPORTERS


@click.command("diff")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(DIFF_REPORTERS)), default="markdown", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the report here.")
@click.option(
    "--fail-on",
    type=click.Choice(["mandatory", "advisory", "never"]),
    default="mandatory",
    show_default=True,
    help="Exit 1 when AFTER introduces something at or above this level.",
)
def diff(paths: tuple[Path, ...], fmt: str, out: Path | None, fail_on: str) -> None:
    """Compare BEFORE and AFTER (gate plans, `pulumi stack export`, checkpoints, or `pulumi preview --json`).

    With a single `pulumi preview --json` file, BEFORE may be omitted.
    """
    if len(paths) > 2:
        raise click.UsageError("give BEFORE AFTER, or a single `pulumi preview --json` file")
    before, after = (None, paths[0]) if len(paths) == 1 else paths
    with one_line_errors():
        if out is not None:
            check_writable(out)
        result = compare(*read_pair(before, after))
        report = DIFF_REPORTERS[fmt](result)
        if out is not None:
            write_atomically(out, report)
    if out is None:
        click.echo(report, nl=False)
    sys.exit(1 if result.fails(fail_on) else 0)
