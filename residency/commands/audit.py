"""`residency audit`: find restricted data outside Jakarta and cross-region copies in a live AWS account."""

import sys
import time
from pathlib import Path

import boto3
import click

from residency.audit import iam_policy
from residency.audit.clients import ClientFactory
from residency.audit.config_source import run_config_audit
from residency.audit.deadline import within
from residency.audit.demo import run_demo
from residency.audit.needs import RuleSet
from residency.audit.organization import (
    DEFAULT_ROLE,
    NO_ACCOUNT,
    list_accounts,
    read_accounts_file,
    run_organization,
)
from residency.audit.progress import AuditProgress
from residency.audit.reasons import reason
from residency.audit.regions import RegionListingError, resolve_regions
from residency.audit.runner import AuditResult, run_audit
from residency.audit.settings_source import audit_posture
from residency.commands.aws_session import aws_session, endpoint
from residency.commands.errors import one_line_errors, progress_printer, status_line
from residency.commands.options import Seconds, settings_options
from residency.files import check_writable, write_atomically
from residency.model.errors import ResidencyConfigError
from residency.reporters.audit import AUDIT_REPORTERS
from residency.rules.base import RuleContext


def _organization(
    session: boto3.Session,
    endpoint: str | None,
    accounts_file: Path | None,
    role_name: str,
    regions: str,
    ctx: RuleContext,
    account_workers: int,
    workers: int,
    timeout: float,
    rules: RuleSet,
    progress: AuditProgress,
) -> AuditResult:
    skipped: dict[str, str] = {}
    started = time.monotonic()
    if accounts_file is not None:
        accounts = read_accounts_file(accounts_file)
        label = f"{len(accounts)} accounts from {accounts_file}"
    else:
        try:  # within --timeout: a slow Organizations endpoint retried for minutes past the audit's deadline
            accounts, skipped = within(started + timeout, "ListAccounts", lambda: list_accounts(session, endpoint))
        except Exception as exc:  # noqa: BLE001 - no account list is an incomplete audit, never a clean one
            return AuditResult(
                "organization", {"*": f"failed: cannot list the organisation's accounts: {reason(exc)}"}, [], [], []
            )
        label = f"organization ({len(accounts)} active accounts)"
        if not accounts:  # a real organisation always holds the caller's account: this answer is not the whole one
            listed = ", ".join(f"{a} ({why})" for a, why in sorted(skipped.items())) or "none"
            why = f"the organisation lists no ACTIVE account (others listed: {listed})"
            return AuditResult("organization", {"*": f"failed: {NO_ACCOUNT}: {why}"}, [], [], [])
    progress(f"auditing {len(accounts)} account(s), {account_workers} at a time")
    org = run_organization(
        session,
        accounts,
        role_name,
        regions,
        ctx,
        endpoint_url=endpoint,
        account_workers=account_workers,
        region_workers=workers,
        progress=progress,
        timeout=max(timeout - (time.monotonic() - started), 0.0),  # one deadline: the listing spent part of it
        rule_set=rules,
    )
    org.skipped.update(skipped)
    return org.merged(label)


@click.command("audit")
@click.option("--regions", default="all", show_default=True, help="'all' enabled regions, or R1,R2,...")
@click.option("--profile", default=None, help="AWS profile to use.")
@click.option("--role-arn", default=None, help="Role to assume for the audit (read-only; see --print-iam-policy).")
@click.option("--endpoint-url", default=None, help="A local AWS endpoint (moto, LocalStack).")
@settings_options
@click.option("--format", "fmt", type=click.Choice(sorted(AUDIT_REPORTERS)), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the report here.")
@click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True, help="Regions scanned at once.")
@click.option(
    "--timeout",
    type=Seconds(1, 86_400),
    default=1800.0,
    show_default=True,
    help="Overall deadline in seconds; a region not read by then is reported as not audited (exit 3).",
)
@click.option(
    "--organization",
    is_flag=True,
    help="Audit every ACTIVE account of the AWS organisation (Organizations ListAccounts from the caller).",
)
@click.option(
    "--accounts",
    "accounts_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Audit these accounts (one 12-digit id per line, or a JSON list) instead of listing the organisation.",
)
@click.option(
    "--role-name",
    default=DEFAULT_ROLE,
    show_default=True,
    help="Role assumed in each member account (read-only; see --print-iam-policy).",
)
@click.option("--account-workers", type=click.IntRange(1, 64), default=4, show_default=True)
@click.option(
    "--rules",
    "rule_set",
    type=click.Choice([r.value for r in RuleSet]),
    default=RuleSet.ALL.value,
    show_default=True,
    help="'residency' judges placement and copies only (fewest API calls); 'all' adds the protection rules.",
)
@click.option(
    "--source",
    "data_source",
    type=click.Choice(["api", "config-aggregator"]),
    default="api",
    show_default=True,
    help="'api' reads each service (default); 'config-aggregator NAME' reads AWS Config's aggregator NAME.",
)
@click.argument("aggregator", nargs=-1, metavar="[NAME]")
@click.option(
    "--progress-every",
    type=Seconds(0, 3600),
    default=15.0,
    show_default=True,
    help="Seconds between status lines on stderr (accounts, regions, service reads done), also when stderr is "
    "not a terminal, so a long CI audit never looks hung; 0 for none.",
)
@click.option("--print-iam-policy", is_flag=True, help="Print the read-only IAM policy the audit needs, and exit.")
@click.option("--demo", is_flag=True, help="Audit a seeded demo account on a local moto server; no AWS needed.")
def audit(
    regions: str,
    profile: str | None,
    role_arn: str | None,
    endpoint_url: str | None,
    stack: str | None,
    settings_file: Path | None,
    fmt: str,
    out: Path | None,
    workers: int,
    timeout: float,
    organization: bool,
    accounts_file: Path | None,
    role_name: str,
    account_workers: int,
    rule_set: str,
    data_source: str,
    aggregator: tuple[str, ...],
    progress_every: float,
    print_iam_policy: bool,
    demo: bool,
) -> None:
    """Audit a running AWS account with the pack's rules.

    Exit 0 clean, 1 violations, 2 usage or config error, 3 incomplete (a region or service could not be read).
    """
    if print_iam_policy:
        click.echo(iam_policy.render(), nl=False)
        return
    tty = sys.stderr.isatty()
    progress = AuditProgress(progress_printer() if tty else status_line, events=tty, every=progress_every)
    with one_line_errors(), progress.heartbeat():
        if out is not None:
            check_writable(out)
        ctx, source = audit_posture(stack, settings_file)
        progress(source)
        rules = RuleSet(rule_set)
        if data_source == "config-aggregator" or aggregator:
            if data_source != "config-aggregator" or len(aggregator) != 1:
                raise ResidencyConfigError("--source", "use --source config-aggregator NAME (one aggregator name)")
            session = aws_session(profile, role_arn)
            result = run_config_audit(session, aggregator[0], ctx, endpoint(endpoint_url), rules, progress, timeout)
        elif organization or accounts_file is not None:
            if organization and accounts_file is not None:
                raise ResidencyConfigError(
                    "--accounts", "cannot be used with --organization; allowed: --organization or --accounts FILE"
                )
            if role_arn:
                raise ResidencyConfigError("--role-arn", "audits one account; with --organization use --role-name")
            result = _organization(
                aws_session(profile, None),
                endpoint(endpoint_url),
                accounts_file,
                role_name,
                regions,
                ctx,
                account_workers,
                workers,
                timeout,
                rules,
                progress,
            )
        elif demo:
            result = run_demo(ctx, progress)
        else:
            factory = ClientFactory(aws_session(profile, role_arn), endpoint_url=endpoint(endpoint_url))
            started = time.monotonic()
            try:
                names = resolve_regions(factory, regions)
            except RegionListingError as exc:
                result = AuditResult("unknown", {regions: f"failed: {exc.problem}"}, [], [], [])
            else:  # one deadline for the run: listing the regions spent part of it
                left = max(timeout - (time.monotonic() - started), 0.0)
                result = run_audit(factory, names, ctx, workers, progress, timeout=left, rule_set=rules)
        result.notes.insert(0, source)
        report = AUDIT_REPORTERS[fmt](result)
        if out is not None:
            write_atomically(out, report)
    if out is None:
        click.echo(report, nl=False)
    sys.exit(result.exit_code)
