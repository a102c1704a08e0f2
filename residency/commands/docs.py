"""`residency docs`: write the per-rule pages from the rule metadata."""

from pathlib import Path

import click

from residency.commands.errors import one_line_errors
from residency.rule_docs import write_pages


@click.command("docs")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("docs/rules"),
    show_default=True,
    help="Directory for the pages (one per rule, plus README.md).",
)
def docs(out: Path) -> None:
    """Write docs/rules/<policy>.md for every rule: what, why, regulation, how to fix, examples."""
    with one_line_errors():
        written = write_pages(out)
    click.echo(f"wrote {len(written)} page(s) to {out}")
