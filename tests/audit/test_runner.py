"""What the runner reports when it read nothing, and how it bounds the account id's read."""

import threading
import time
from collections.abc import Callable
from typing import Any

import boto3
from botocore.exceptions import ClientError

from residency.audit import moto_gaps
from residency.audit.clients import ClientFactory
from residency.audit.collectors.ec2_storage import COLLECTOR as EC2
from residency.audit.runner import AuditResult, run_audit
from residency.rules.base import RuleContext
from tests.audit.conftest import JKT, SIN, audit
from tests.conftest import ID_ONLY


def test_an_audit_of_no_region_is_incomplete(aws: boto3.Session) -> None:
    result = run_audit(ClientFactory(aws), [], RuleContext(ID_ONLY), workers=1)
    assert result.exit_code == 3
    assert result.regions == {"*": "failed: no region was audited: the list of regions is empty"}


def test_a_result_without_any_region_is_never_clean() -> None:
    assert AuditResult("x", {}, [], [], []).exit_code == 3


def _sts(aws: boto3.Session, behave: Callable[[], None]) -> list[int]:
    calls: list[int] = []

    def handler(**_: Any) -> None:
        calls.append(1)
        behave()
        raise ClientError({"Error": {"Code": "Throttling", "Message": "Rate exceeded"}}, "GetCallerIdentity")

    aws._session.register("before-call.sts.GetCallerIdentity", handler)
    return calls


def test_a_failing_account_id_names_sts_and_is_asked_once(aws: boto3.Session) -> None:
    calls = _sts(aws, lambda: None)
    result = audit(aws, regions=[JKT, SIN])
    assert result.exit_code == 3
    for region in (JKT, SIN):
        assert (
            "ec2: AccountIdError: sts GetCallerIdentity (the account id): Throttling: Rate exceeded"
            in (result.regions[region])
        )
    assert result.account.startswith("unknown (AccountIdError: sts GetCallerIdentity")
    assert len(calls) == 1


def test_a_slow_account_id_is_cut_off_by_the_timeout(aws: boto3.Session) -> None:
    release = threading.Event()

    def stall() -> None:
        release.wait(30)

    _sts(aws, stall)
    moto_gaps.install_empty_answers(aws)
    start = time.monotonic()
    try:
        result = run_audit(ClientFactory(aws), [JKT], RuleContext(ID_ONLY), workers=1, timeout=3)
    finally:
        release.set()
    assert time.monotonic() - start < 6
    assert result.exit_code == 3 and result.account.startswith("unknown")


def test_the_report_label_does_not_ask_sts_again_past_the_timeout(aws: boto3.Session) -> None:
    """STS answering slowly with an error: the collector's failed read is not repeated for the report's label."""
    calls = _sts(aws, lambda: time.sleep(2.5))
    start = time.monotonic()
    result = run_audit(ClientFactory(aws), [JKT], RuleContext(ID_ONLY), workers=1, collectors=[EC2], timeout=4)
    assert len(calls) == 1 and result.exit_code == 3  # before: asked again for the label, past the deadline
    assert time.monotonic() - start < 4 + 1.5  # the deadline, and a margin for a loaded machine
