"""`residency preview`: the offline gate over one or more stacks of a project."""

import contextlib
import sys
from functools import partial
from pathlib import Path

import click

from residency.commands.errors import one_line, one_line_errors, progress_printer
from residency.commands.options import Seconds, cwd_option
from residency.files import OutputError, check_distinct, check_writable
from residency.gate.preview import PreviewOptions, run_previews, write_plan
from residency.gate.project import list_stacks
from residency.gate.stack_outputs import parse_specs
from residency.model.errors import ResidencyConfigError
from residency.report import Report
from residency.reporters import REPORTERS, text
from residency.reporters.combined import combine
from residency.reporters.report_files import parse_reports, write_reports

STACK_PLACEHOLDER = "{stack}"


def _stacks(stacks: tuple[str, ...], all_stacks: bool, cwd: Path) -> tuple[str, ...]:
    if all_stacks and stacks:
        raise ResidencyConfigError("--all-stacks", "previews every stack of the project; do not also pass --stack")
    if all_stacks:
        found = tuple(list_stacks(cwd))
        if not found:
            raise ResidencyConfigError("--all-stacks", "the project has no Pulumi.<stack>.yaml")
        return found
    if not stacks:
        raise ResidencyConfigError("--stack", "name a stack to preview (e.g. --stack id-jkt-1) or pass --all-stacks")
    return stacks


def _plan_paths(out: Path | None, stacks: tuple[str, ...]) -> dict[str, Path]:
    if out is None:
        return {}
    if len(stacks) > 1 and STACK_PLACEHOLDER not in str(out):
        raise ResidencyConfigError(
            "--out", f"previewing {len(stacks)} stacks writes one plan each: put {STACK_PLACEHOLDER} in the path"
        )
    return {s: Path(str(out).replace(STACK_PLACEHOLDER, s)) for s in stacks}


@click.command("preview")
@click.option(
    "--stack",
    "-s",
    "stacks",
    multiple=True,
    help="Stack to preview, e.g. id-jkt-1 (reads Pulumi.<stack>.yaml). Repeat to preview stacks together.",
)
@click.option("--all-stacks", is_flag=True, help="Preview every stack that has a Pulumi.<stack>.yaml, together.")
@click.option(
    "--stack-outputs",
    "stack_outputs",
    multiple=True,
    metavar="NAME=FILE",
    help="Outputs of a stack not previewed here, from a trusted `pulumi stack output --json` or "
    "`pulumi stack export` file. Repeatable.",
)
@cwd_option
@click.option(
    "--policy-pack",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Policy pack directory (default: <project>/policy, else the pack installed with residency).",
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
    help="Write the residency plan (for `residency diff` and auditors) here; with several stacks the path must "
    "contain {stack}.",
)
@click.option(
    "--timeout",
    type=Seconds(),
    default=300.0,
    show_default=True,
    help="Seconds each program run may take on the mock engine.",
)
@click.option(
    "--report",
    "report_specs",
    multiple=True,
    metavar="FORMAT=PATH",
    help=f"Also write this format to PATH (repeatable; formats: {', '.join(sorted(REPORTERS))}).",
)
@click.option("--quiet", "-q", is_flag=True, help="Text output: only the violations and the verdict.")
def preview(
    stacks: tuple[str, ...],
    all_stacks: bool,
    stack_outputs: tuple[str, ...],
    cwd: Path,
    policy_pack: Path | None,
    policy_pack_config: Path | None,
    fmt: str,
    out: Path | None,
    timeout: float,
    report_specs: tuple[str, ...],
    quiet: bool,
) -> None:
    """Run the programs on Pulumi's mock engine and serve them to the policy pack, as `pulumi preview` would.

    Other stacks' outputs (StackReferences) come only from stacks previewed in the same run or from
    --stack-outputs files; a reference with neither has unknown outputs, which fail closed.

    Several reports come from one run with --report FORMAT=PATH (repeatable); each is written even when the run
    fails (exit 2), saying why, so an upload step never finds an empty or missing file.

    Exit 0: no mandatory violation; 1: mandatory violations; 2: bad config, usage or program error.
    """
    with one_line_errors():
        extra = parse_reports(report_specs)
        check_distinct({f"--report {fmt}": path for fmt, path in extra.items()})
        for path in extra.values():
            check_writable(path)
    try:
        names = _stacks(stacks, all_stacks, cwd)
        plans = _plan_paths(out, names)
        check_distinct(
            {f"--report {fmt}": p for fmt, p in extra.items()} | {f"--out ({s})": p for s, p in plans.items()}
        )
        for path in plans.values():
            check_writable(path)
        outputs = parse_specs(stack_outputs, names)
        options = PreviewOptions(names, cwd, policy_pack, policy_pack_config, timeout, outputs)
        results = run_previews(options, progress_printer())
        for result in results:
            if result.stack in plans:
                write_plan(result, plans[result.stack])
    except ResidencyConfigError as exc:
        failed = [Report.failed(cwd.resolve().name, s, one_line(exc)) for s in (stacks or ("all-stacks",))]
        with contextlib.suppress(OutputError):  # the run's own error is the one line
            write_reports(extra, failed)
        with one_line_errors():
            raise
    with one_line_errors():
        write_reports(extra, results)
    render = partial(text.render, quiet=quiet, width=text.terminal_width()) if fmt == "text" else REPORTERS[fmt]
    click.echo(combine(fmt, render, results), nl=False)
    sys.exit(max(r.exit_code for r in results))
