"""The `residency` command line."""

import sys

import click

from residency import __version__
from residency.commands.audit import audit
from residency.commands.diff import diff
from residency.commands.known_resources import known
from residency.commands.preview import preview
from residency.commands.scp import scp


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="residency")
def cli() -> None:
    """Keep KYC/AML customer data in Indonesia: offline preview gate, residency diff and live audit."""


cli.add_command(preview)
cli.add_command(diff)
cli.add_command(audit)
cli.add_command(scp)
cli.add_command(known)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
