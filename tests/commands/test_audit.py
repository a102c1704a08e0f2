"""`residency audit`'s own choices: which accounts an organisation audit reads, and which options go together."""

import os
import time
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from residency.audit.moto_gaps import answer
from residency.audit.needs import RuleSet
from residency.audit.organization import list_accounts
from residency.audit.progress import AuditProgress
from residency.commands.audit import _organization
from residency.rules.base import RuleContext
from tests.audit.conftest import JKT
from tests.cli import run_cli
from tests.conftest import ID_ONLY
from tests.faults.server import fault_server

ENV = {
    **os.environ,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": JKT,
}


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[boto3.Session]:
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"):
        monkeypatch.setenv(key, ENV[key])
    with mock_aws():
        yield boto3.Session(region_name=JKT)


def _audit_organization(session: boto3.Session, accounts_file: Path | None = None) -> tuple[int, dict[str, str]]:
    ctx = RuleContext(ID_ONLY)
    result = _organization(session, None, accounts_file, "Audit", JKT, ctx, 1, 1, 60.0, RuleSet.ALL, AuditProgress())
    return result.exit_code, result.regions


def test_an_organisation_of_suspended_accounts_audited_nothing(aws: boto3.Session) -> None:
    """A real organisation holds the caller's own (ACTIVE) account: none ACTIVE is not a clean organisation."""
    accounts = [{"Id": "111111111111", "Status": "SUSPENDED"}, {"Id": "222222222222", "Status": "PENDING_CLOSURE"}]
    answer(aws, "organizations", "ListAccounts", lambda _params: {"Accounts": accounts})
    code, regions = _audit_organization(aws)
    assert code == 3
    assert regions["*"].startswith("failed: no account was audited: the organisation lists no ACTIVE account")
    assert "111111111111 (status SUSPENDED)" in regions["*"]


@pytest.mark.parametrize("body", [{}, {"Accounts": []}])
def test_an_organisation_listing_no_account_audited_nothing(aws: boto3.Session, body: dict[str, object]) -> None:
    answer(aws, "organizations", "ListAccounts", lambda _params: dict(body))
    code, regions = _audit_organization(aws)
    assert code == 3
    assert "Accounts" in regions["*"] or "no account was audited" in regions["*"]


@pytest.mark.parametrize("fault", ["json-empty-200", "json-list-200"])
def test_cli_organisation_listing_that_is_not_an_answer_is_exit_3(fault: str) -> None:
    with fault_server(fault) as endpoint:
        done = run_cli(
            "audit", "--organization", "--endpoint-url", endpoint, "--regions", JKT, "--timeout", "30", env=ENV
        )
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_organization_and_an_accounts_file_are_exclusive(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.txt"
    accounts.write_text("111111111111\n")
    done = run_cli("audit", "--organization", "--accounts", str(accounts), "--regions", JKT, env=ENV, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("error: --accounts: cannot be used with --organization")
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_refuses_full_width_digits_naming_file_and_line(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.txt"
    accounts.write_text("１２３４５６７８９０１２\n", encoding="utf-8")
    done = run_cli("audit", "--accounts", str(accounts), "--regions", JKT, env=ENV, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {accounts}:1: ") and "12 ASCII digits" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "account",
    [
        {"Id": "111111111111", "State": "ACTIVE"},  # after AWS retires Status (2026-09-09)
        {"Id": "111111111111"},  # no state at all
        {"Id": "111111111111", "Status": "ACTIVE", "State": "SOMETHING_NEW"},
    ],
)
def test_an_account_is_skipped_only_when_its_state_says_so(aws: boto3.Session, account: dict[str, str]) -> None:
    """Reading only `Status` skipped every account as 'status UNKNOWN' once AWS stopped sending it."""
    answer(aws, "organizations", "ListAccounts", lambda _params: {"Accounts": [account]})
    accounts, skipped = list_accounts(aws, None)
    assert (accounts, skipped) == (["111111111111"], {})


def test_a_state_that_is_not_active_is_skipped_and_named(aws: boto3.Session) -> None:
    listed = [{"Id": "111111111111", "State": "CLOSED"}, {"Id": "222222222222", "State": "ACTIVE", "Status": "ACTIVE"}]
    answer(aws, "organizations", "ListAccounts", lambda _params: {"Accounts": listed})
    assert list_accounts(aws, None) == (["222222222222"], {"111111111111": "status CLOSED"})


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--organization", "--regions", JKT], "ListAccounts was not answered before the audit's --timeout"),
        (["--source", "config-aggregator", "agg"], "aggregator agg was not answered before the audit's --timeout"),
    ],
)
def test_a_slow_endpoint_cannot_hold_the_audit_past_its_timeout(args: list[str], says: str) -> None:
    """Each read waits its read timeout on every retry: the listing of the organisation (and a page of the
    aggregator) held the run for minutes past --timeout 5."""
    with fault_server("html-200", delay=60) as endpoint:
        started = time.monotonic()
        done = run_cli(
            "audit", *args, "--endpoint-url", endpoint, "--timeout", "5", "--progress-every", "0", env=ENV, timeout=60
        )
        took = time.monotonic() - started
    assert done.returncode == 3, done.stderr
    assert says in done.stdout and took < 30
