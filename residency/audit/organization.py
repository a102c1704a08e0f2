"""Audit a whole AWS organisation: list the accounts, assume a role in each, audit accounts x regions at once.

Every account appears in the result: audited (its regions' statuses), not audited (and why), or skipped (not
ACTIVE). One failing account never hides the others; it makes the run incomplete (exit 3).
"""

import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.needs import RuleSet
from residency.audit.progress import AuditProgress
from residency.audit.reasons import reason
from residency.audit.regions import resolve_regions
from residency.audit.runner import AuditResult, run_audit
from residency.model.errors import ResidencyConfigError
from residency.reading import read_text
from residency.rules.base import RuleContext

ACCOUNT_ID = re.compile(r"[0-9]{12}")
"""Exactly 12 ASCII digits (`\\d` also matches other scripts' digits, `$` a trailing newline): use fullmatch."""
DEFAULT_ROLE = "OrganizationAccountAccessRole"
SESSION_NAME = "residency-audit"
HOME_REGION = "us-east-1"
NO_ACCOUNT = "no account was audited"
"""Organizations answers in us-east-1; STS there when the session names no region."""


@dataclass
class OrganizationResult:
    accounts: dict[str, AuditResult] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    """Accounts that could not be audited at all, and why."""
    skipped: dict[str, str] = field(default_factory=dict)
    """Accounts deliberately not audited (not ACTIVE), and why."""

    def merged(self, label: str) -> AuditResult:
        """One result for the reporters: regions keyed `account/region`, findings of every account together
        (each account was judged on its own, so a trail in one account never satisfies another's copies)."""
        out = AuditResult(label, {}, [], [], [])
        for account, result in sorted(self.accounts.items()):
            out.regions.update({f"{account}/{region}": status for region, status in result.regions.items()})
            out.resources += result.resources
            out.facts += result.facts
            out.findings += result.findings
            out.unevaluated += result.unevaluated
            out.notes += [f"{account}: {note}" for note in result.notes]
        for account, why in sorted(self.failed.items()):
            out.regions[f"{account}/*"] = f"failed: account not audited: {why}"
        if not self.accounts and not self.failed:
            out.regions["*"] = f"failed: {NO_ACCOUNT}: the organisation lists no ACTIVE account"
        out.notes += [f"{account}: skipped ({why})" for account, why in sorted(self.skipped.items())]
        return out


def read_accounts_file(path: Path) -> list[str]:
    """One 12-digit account id per line (`#` comments allowed), or a JSON list of them."""
    text = read_text(path)
    if text.lstrip().startswith("["):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ResidencyConfigError(str(path), f"is not a JSON list of account ids ({exc.msg})") from None
        entries = [(i + 1, str(a)) for i, a in enumerate(raw)] if isinstance(raw, list) else []
        if not isinstance(raw, list):
            raise ResidencyConfigError(str(path), "must be a JSON list of 12-digit account ids")
    else:
        entries = [(i + 1, line.split("#", 1)[0].strip()) for i, line in enumerate(text.splitlines())]
        entries = [(n, a) for n, a in entries if a]
    accounts = []
    for number, account in entries:
        if not ACCOUNT_ID.fullmatch(account):
            raise ResidencyConfigError(
                f"{path}:{number}", f"{account!r} is not an AWS account id; allowed: exactly 12 ASCII digits 0-9"
            )
        if account not in accounts:
            accounts.append(account)
    if not accounts:
        raise ResidencyConfigError(str(path), "lists no account ids")
    return accounts


NOT_ACTIVE = frozenset({"SUSPENDED", "PENDING_CLOSURE", "CLOSED", "PENDING_ACTIVATION"})
"""Account states that are skipped: only one the answer names; a missing or unknown state is never skipped."""


def list_accounts(session: boto3.Session, endpoint_url: str | None) -> tuple[list[str], dict[str, str]]:
    """ACTIVE accounts of the organisation, and the others with their status (skipped)."""
    client = ClientFactory(session, endpoint_url).client("organizations", HOME_REGION)
    active, skipped = [], {}
    for page in client.get_paginator("list_accounts").paginate():
        for account in page.get("Accounts", []):
            # `State` replaces `Status`, which AWS retires on 2026-09-09: an answer without Status is the new normal.
            state = account.get("State", account.get("Status"))
            if state in NOT_ACTIVE:
                skipped[str(account["Id"])] = f"status {state}"
            else:  # ACTIVE, or a state this tool cannot read: audited (it fails as not audited if it cannot be)
                active.append(str(account["Id"]))
    return sorted(active), skipped


def assume(session: boto3.Session, account: str, role_name: str, endpoint_url: str | None) -> boto3.Session:
    sts = ClientFactory(session, endpoint_url).client("sts", session.region_name or HOME_REGION)
    partition = "aws"
    credentials = sts.assume_role(
        RoleArn=f"arn:{partition}:iam::{account}:role/{role_name}", RoleSessionName=SESSION_NAME
    )["Credentials"]
    return boto3.Session(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
        region_name=session.region_name,
    )


AccountAudit = Callable[[str, ClientFactory], AuditResult]


def run_organization(
    session: boto3.Session,
    accounts: Sequence[str],
    role_name: str,
    regions: str,
    ctx: RuleContext,
    *,
    endpoint_url: str | None = None,
    account_workers: int = 4,
    region_workers: int = 4,
    progress: AuditProgress | None = None,
    timeout: float | None = None,
    rule_set: RuleSet = RuleSet.ALL,
    make_session: Callable[[boto3.Session, str, str, str | None], boto3.Session] = assume,
) -> OrganizationResult:
    """Accounts in parallel (at most `account_workers`), each with its regions in parallel (`region_workers`)."""
    progress = progress or AuditProgress()
    progress.expect(accounts=len(accounts))
    result = OrganizationResult()
    lock = threading.Lock()
    slots = threading.Semaphore(max(1, account_workers))

    def one(account: str) -> None:
        with slots:
            try:
                factory = ClientFactory(make_session(session, account, role_name, endpoint_url), endpoint_url)
                names = resolve_regions(factory, regions)
                audited = run_audit(factory, names, ctx, region_workers, progress, timeout=timeout, rule_set=rule_set)
            except Exception as exc:  # noqa: BLE001 - one account's failure is reported, never hides the others
                with lock:
                    result.failed[account] = reason(exc)
                progress.finished(accounts=1)
                progress(f"{account}: not audited ({reason(exc)})")
                return
            with lock:
                result.accounts[account] = audited
            progress.finished(accounts=1)
            progress(f"{account}: {len(audited.resources)} resources in {len(names)} regions")

    threads = [threading.Thread(target=one, args=(a,), name=f"audit-{a}", daemon=True) for a in accounts]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout if timeout is not None else None
    for thread in threads:  # one deadline for the whole organisation, not one per account
        thread.join(None if deadline is None else max(deadline - time.monotonic(), 0))
    for account in accounts:
        if account not in result.accounts and account not in result.failed:
            result.failed[account] = "not finished before --timeout"
    return result
