"""`residency scp`: print the Service Control Policy derived from the org settings."""

import json
from pathlib import Path

import click

from residency.audit.settings_source import audit_posture
from residency.commands.errors import one_line_errors
from residency.commands.options import settings_options
from residency.guardrail.scp import SCP_MAX_CHARS, build_scp, render


@click.command("scp")
@settings_options
@click.option("--pretty", is_flag=True, help="Indent the JSON (AWS counts characters: deploy the compact form).")
def scp(stack: str | None, settings_file: Path | None, pretty: bool) -> None:
    """Print the SCP: deny actions outside the allowed regions and cross-region copies the settings forbid."""
    with one_line_errors():
        posture = audit_posture(stack, settings_file)[0].posture
        compact = render(posture)
    if len(compact) > SCP_MAX_CHARS:
        click.echo(f"error: the SCP is {len(compact)} characters; AWS allows {SCP_MAX_CHARS}", err=True)
        raise SystemExit(2)
    click.echo(json.dumps(build_scp(posture), indent=2) if pretty else compact)
