"""`residency preview`: the offline gate over one stack."""

import sys
from pathlib import Path

import click

from residency.commands.errors import one_line_errors, progress_printer
from residency.gate.preview import PreviewOptions, run_preview, write_plan
from residency.reporters import REPORTERS


@click.command("preview")
@click.option("--stack", "-s", required=True, help="Stack to preview, e.g. id-jkt-1 (reads Pulumi.<stack>.yaml).")
@click.option(
    "--cwd",
    "-C",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project directory holding Pulumi.yaml.",
)
@click.option(
    "--policy-pack",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Policy pack directory (default: <cwd>/policy).",
)
@click.option(
    "--policy-pack-config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Pulumi policy pack config JSON (enforcement levels, acceptedSccReferences).",
)
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the residency plan (for `residency diff` and auditors) to this file.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=300.0,
    show_default=True,
    help="Seconds the program may run on the mock engine.",
)
def preview(
    stack: str,
    cwd: Path,
    policy_pack: Path | None,
    policy_pack_config: Path | None,
    fmt: str,
    out: Path | None,
    timeout: float,
) -> None:
    """Run the program on Pulumi's mock engine and serve it to the policy pack, as `pulumi preview` would.

    Exit 0: no mandatory violation; 1: mandatory violations; 2: bad config, usage or program error.
    """
    with one_line_errors():
        result = run_preview(PreviewOptions(stack, cwd, policy_pack, policy_pack_config, timeout), progress_printer())
        if out is not None:
            write_plan(result, out)
    click.echo(REPORTERS[fmt](result), nl=False)
    sys.exit(result.exit_code)
