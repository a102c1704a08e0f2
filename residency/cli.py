"""The `residency` command line: exit 0/1/2 (+3 for an incomplete audit, 130 when interrupted), one line on error."""

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from residency import __version__
from residency.commands.audit import audit
from residency.commands.diff import diff
from residency.commands.docs import docs
from residency.commands.exceptions import baseline, exceptions
from residency.commands.known_resources import known
from residency.commands.preview import preview
from residency.commands.scp import scp
from residency.launch import INTERRUPTED, Terminated

USAGE_ERROR = 2
DEBUG_ENV = "RESIDENCY_DEBUG"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ResidencyGroup(click.Group):
    """Click's standalone handling prints a usage block and exits 1 on Ctrl-C; the contract wants one line,
    exit 2 for usage and 130 for an interrupt, and never a traceback."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = f" (see: {exc.ctx.command_path} --help)" if exc.ctx is not None else ""
            click.echo(f"error: {_one_line(exc.format_message())}{where}", err=True)
            sys.exit(USAGE_ERROR)
        except click.ClickException as exc:
            click.echo(f"error: {_one_line(exc.format_message())}", err=True)
            sys.exit(USAGE_ERROR)
        except (KeyboardInterrupt, click.Abort) as exc:
            # click turns a KeyboardInterrupt (and so SIGTERM/SIGHUP's Terminated) into Abort: look underneath.
            signalled = exc if isinstance(exc, Terminated) else exc.__cause__ or exc.__context__
            if isinstance(signalled, Terminated):
                click.echo(f"terminated ({signalled.name})", err=True)
                sys.exit(signalled.exit_code)
            click.echo("interrupted", err=True)
            sys.exit(INTERRUPTED)
        except OSError as exc:
            if exc.errno == 32:  # EPIPE: the reader of our output went away (| head); nothing left to say
                sys.exit(0)
            return _internal(exc)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a traceback
            return _internal(exc)
        sys.exit(code if isinstance(code, int) else 0)


def _internal(exc: BaseException) -> Any:
    if os.environ.get(DEBUG_ENV):
        raise exc
    click.echo(
        f"error: internal error ({type(exc).__name__}: {_one_line(str(exc))[:300]}); "
        f"rerun with {DEBUG_ENV}=1 for the traceback and report it",
        err=True,
    )
    sys.exit(USAGE_ERROR)


@click.group(cls=ResidencyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="residency")
def cli() -> None:
    """Keep KYC/AML customer data in Indonesia: offline preview gate, residency diff and live audit."""


cli.add_command(preview)
cli.add_command(diff)
cli.add_command(audit)
cli.add_command(scp)
cli.add_command(known)
cli.add_command(exceptions)
cli.add_command(baseline)
cli.add_command(docs)


def main() -> None:
    cli()
