"""Organisation scope on moto: list the accounts, assume a role in each, audit them all; a failing account is
reported, never hides the others, and makes the run incomplete (exit 3)."""

from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError

from residency.audit import moto_gaps
from residency.audit.organization import (
    OrganizationResult,
    assume,
    list_accounts,
    read_accounts_file,
    run_organization,
)
from residency.model.errors import ResidencyConfigError
from residency.rules.base import RuleContext
from tests.audit.conftest import JKT, SIN
from tests.conftest import ID_ONLY


def _organization(aws: boto3.Session, members: int) -> list[str]:
    org = aws.client("organizations")
    org.create_organization(FeatureSet="ALL")
    ids = []
    for i in range(members):
        status = org.create_account(AccountName=f"member-{i}", Email=f"m{i}@example.co.id")["CreateAccountStatus"]
        ids.append(status["AccountId"])
    return ids


def _seed(aws: boto3.Session, account: str, region: str, name: str) -> None:
    s3 = assume(aws, account, "OrganizationAccountAccessRole", None).client("s3", region_name=region)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "data-class", "Value": "customer-pii"}]})


def _session_with_gaps(base: boto3.Session, account: str, role: str, endpoint: str | None) -> boto3.Session:
    session = assume(base, account, role, endpoint)
    moto_gaps.install_empty_answers(session)
    return session


def test_every_member_account_is_audited_in_its_own_account(aws: boto3.Session) -> None:
    members = _organization(aws, 3)
    _seed(aws, members[0], SIN, "pii-in-singapore")
    _seed(aws, members[1], JKT, "pii-in-jakarta")
    active, skipped = list_accounts(aws, None)
    assert set(members) <= set(active) and skipped == {}
    org = run_organization(
        aws,
        members,
        "OrganizationAccountAccessRole",
        f"{JKT},{SIN}",
        RuleContext(ID_ONLY),
        make_session=_session_with_gaps,
        rule_set=__import__("residency.audit.needs", fromlist=["RuleSet"]).RuleSet.RESIDENCY,
    )
    assert set(org.accounts) == set(members) and org.failed == {}
    merged = org.merged("org")
    placed = [f for f in merged.findings if f.policy == "restrict-data-class-region"]
    assert [f.urn for f in placed] == ["arn:aws:s3:::pii-in-singapore"]
    assert set(merged.regions) == {f"{a}/{r}" for a in members for r in (JKT, SIN)}
    assert merged.exit_code == 1


def test_a_failing_account_is_reported_and_the_run_is_incomplete(aws: boto3.Session) -> None:
    members = _organization(aws, 3)
    _seed(aws, members[2], SIN, "pii-far")

    def flaky(base: boto3.Session, account: str, role: str, endpoint: str | None) -> boto3.Session:
        if account == members[0]:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no role"}}, "AssumeRole")
        return _session_with_gaps(base, account, role, endpoint)

    org = run_organization(aws, members, "Audit", f"{JKT},{SIN}", RuleContext(ID_ONLY), make_session=flaky)
    merged = org.merged("org")
    assert merged.regions[f"{members[0]}/*"].startswith("failed: account not audited: AccessDenied")
    assert any(f.urn == "arn:aws:s3:::pii-far" for f in merged.findings)  # the others are still audited
    assert merged.exit_code == 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [("123\n", ":1"), ('["12345678901x"]', ":1"), ("# only a comment\n", "lists no account ids"), ("[1, ", "JSON")],
)
def test_accounts_file_errors_name_the_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "accounts.txt"
    path.write_text(text)
    with pytest.raises(ResidencyConfigError) as err:
        read_accounts_file(path)
    assert problem in str(err.value)


def test_accounts_file_reads_ids_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "accounts.txt"
    path.write_text("111111111111  # prod\n\n222222222222\n111111111111\n")
    assert read_accounts_file(path) == ["111111111111", "222222222222"]


def test_cli_refuses_bad_organisation_input(tmp_path: Path) -> None:
    from tests.cli import run_cli

    bad = tmp_path / "accounts.txt"
    bad.write_text("not-an-account\n")
    done = run_cli("audit", "--accounts", str(bad), "--regions", JKT)
    assert done.returncode == 2 and f"{bad}:1" in done.stderr and "Traceback" not in done.stderr
    done = run_cli("audit", "--organization", "--role-arn", "arn:aws:iam::1:role/x", "--regions", JKT)
    assert done.returncode == 2 and "--role-arn" in done.stderr


def test_an_organisation_result_of_no_account_is_incomplete() -> None:
    merged = OrganizationResult().merged("org")
    assert merged.exit_code == 3
    assert merged.regions["*"].startswith("failed: no account was audited")


@pytest.mark.parametrize(
    "account", ["１２３４５６７８９０１２", "١٢٣٤٥٦٧٨٩٠١٢", "12345678901２", '["１２３４５６７８９０１２"]']
)
def test_accounts_are_ascii_digits_only(tmp_path: Path, account: str) -> None:
    path = tmp_path / "accounts.txt"
    path.write_text(f"111111111111\n{account}\n" if not account.startswith("[") else account, encoding="utf-8")
    with pytest.raises(ResidencyConfigError) as err:
        read_accounts_file(path)
    assert str(err.value).startswith(f"{path}:")
    assert "exactly 12 ASCII digits 0-9" in str(err.value)
