"""`residency exceptions` lists a stack's accepted deviations; `residency baseline` drafts them for adoption."""

import json
import sys
from datetime import timedelta
from pathlib import Path

import click
import yaml

from residency.commands.errors import one_line_errors, progress_printer
from residency.commands.options import Seconds, cwd_option
from residency.files import check_writable, write_atomically
from residency.gate.preview import PreviewOptions, run_preview
from residency.gate.project import load_project
from residency.model.clock import today
from residency.model.data_classes import parse_data_class
from residency.model.exceptions import (
    EXCEPTIONS_KEY,
    NEVER_WAIVED,
    PLACEHOLDER_REASON,
    days_left,
    load_exceptions,
    never_waived_copy,
)
from residency.model.stack_settings import load_stack_settings
from residency.rules.context import POLICY_NAMES

BASELINE_DAYS = 90


@click.command("exceptions")
@click.option("--stack", "-s", required=True, help="Stack whose Pulumi.<stack>.yaml holds residency:exceptions.")
@cwd_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def exceptions(stack: str, cwd: Path, fmt: str) -> None:
    """List the stack's exceptions with the days left to expiry.

    Exit 0: all in force; 1: at least one has expired (it waives nothing and blocks the gate); 2: invalid config.
    """
    with one_line_errors():
        project = load_project(cwd, stack)
        load_stack_settings(project.config, today())  # exceptions are judged under these settings: both must be valid
        entries = load_exceptions(project.config, today(), POLICY_NAMES)
    left = [days_left(e, today()) for e in entries]
    rows: list[dict[str, object]] = [{**e.to_json(), "index": i, "daysLeft": left[i]} for i, e in enumerate(entries)]
    if fmt == "json":
        click.echo(json.dumps({"stack": stack, "exceptions": rows}, indent=2))
    elif not rows:
        click.echo(f"{stack}: no exceptions")
    else:
        click.echo(f"{stack}: {len(rows)} exception(s)")
        for row, days in zip(rows, left, strict=True):
            when = f"EXPIRED {-days} day(s) ago" if days < 0 else f"{days} day(s) left"
            click.echo(
                f"  [{row['index']}] {row['policy']} on {row['resource']}\n"
                f"      {row['ticket']}, approved by {row['approvedBy']}, expires {row['expires']} ({when})\n"
                f"      {row['reason']}"
            )
    sys.exit(1 if any(days < 0 for days in left) else 0)


@click.command("baseline")
@click.option("--stack", "-s", required=True, help="Stack to preview and baseline.")
@cwd_option
@click.option("--policy-pack", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the YAML here.")
@click.option("--timeout", type=Seconds(), default=300.0, show_default=True)
def baseline(stack: str, cwd: Path, policy_pack: Path | None, out: Path | None, timeout: float) -> None:
    """Draft today's blocking violations as exception entries, to adopt the gate on an existing estate.

    Every entry carries a placeholder reason that fails validation until a person writes the real one, and an
    expiry 90 days ahead. Violations no exception may waive (placements outside Jakarta, invalid settings) are
    listed on stderr: those must be fixed. Exit 0: drafted; 2: bad input or program error.
    """
    with one_line_errors():
        if out is not None:
            check_writable(out)
        result = run_preview(PreviewOptions(stack, cwd, policy_pack, None, timeout), progress_printer())
    expires = (today() + timedelta(days=BASELINE_DAYS)).isoformat()
    drafted, refused = [], []
    for v in result.mandatory:
        # The same refusal the gate applies: a drafted entry it would refuse is a fix dressed as an exception.
        copy_refused = never_waived_copy(v.policy, parse_data_class(v.data_class) if v.data_class else None)
        if v.policy in NEVER_WAIVED or v.policy not in POLICY_NAMES or v.urn is None or copy_refused:
            refused.append(f"cannot be waived, fix it: {v.policy} on {v.urn or 'the stack'}: {v.message}")
            continue
        entry = {
            "policy": v.policy,
            "resource": v.urn,
            "reason": f"{PLACEHOLDER_REASON} ({v.message.splitlines()[0][:120]})",
            "approvedBy": "TODO",
            "ticket": "TODO",
            "expires": expires,
        }
        if entry not in drafted:
            drafted.append(entry)
    text = yaml.safe_dump({"config": {EXCEPTIONS_KEY: drafted}}, sort_keys=False, width=1000)
    for line in refused:
        click.echo(line, err=True)
    if out is not None:
        write_atomically(out, text)
        click.echo(f"wrote {len(drafted)} draft exception(s) to {out}", err=True)
    else:
        click.echo(text, nl=False)
