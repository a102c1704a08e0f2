"""Every wrong answer from an endpoint makes the region not audited (exit 3), never clean: a real local server."""

import os
import threading
import time

import boto3
import pytest

from residency.audit.clients import ClientFactory
from residency.audit.collectors import COLLECTORS
from residency.audit.moto_gaps import answer, install_empty_answers
from residency.audit.runner import run_audit
from residency.rules.base import RuleContext
from tests.audit.conftest import JKT
from tests.cli import run_cli
from tests.conftest import ID_ONLY
from tests.faults.server import FAULTS, closed_port, fault_server

ENV = {
    **os.environ,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "ap-southeast-3",
}
ONE_TRY = {"max_attempts": 1, "mode": "standard"}


def _session() -> boto3.Session:
    return boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=JKT)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_no_collector_trusts_a_wrong_answer(fault: str) -> None:
    with fault_server(fault) as endpoint:
        factory = ClientFactory(_session(), endpoint_url=endpoint, retries=ONE_TRY, connect_timeout=2, read_timeout=5)
        result = run_audit(factory, [JKT], RuleContext(ID_ONLY), workers=1)
    assert result.exit_code == 3
    status = result.regions[JKT]
    assert status.startswith("failed: ")
    # Every service must have failed: not one may have read the wrong answer as "nothing here". SQS's answer for a
    # region without queues is `{}` itself (ListQueues leaves QueueUrls out), so that one answer cannot be told apart.
    failed = {part.split(":", 1)[0].strip() for part in status.removeprefix("failed: ").split("; ")}
    tolerated = {"sqs"} if fault == "json-empty-200" else set()
    assert failed == {c.service for c in COLLECTORS} - tolerated, status


def test_an_html_page_names_the_endpoint_and_the_operation() -> None:
    with fault_server("html-200") as endpoint:
        factory = ClientFactory(_session(), endpoint_url=endpoint, retries=ONE_TRY)
        result = run_audit(factory, [JKT], RuleContext(ID_ONLY), workers=1)
    assert f"{endpoint} did not answer ListBuckets like S3 (HTTP 200 with an HTML page)" in result.regions[JKT]


def test_a_slow_endpoint_is_cut_off_by_the_audit_timeout() -> None:
    with fault_server("html-200", delay=30) as endpoint:
        start = time.monotonic()
        proc = run_cli(
            "audit",
            "--endpoint-url",
            endpoint,
            "--regions",
            "ap-southeast-3,ap-southeast-1",
            "--timeout",
            "3",
            "--format",
            "json",
            env=ENV,
            timeout=120,
        )
        elapsed = time.monotonic() - start
    assert proc.returncode == 3, proc.stderr
    assert elapsed < 60  # bounded by --timeout, not by 6 attempts x 12 collectors x 30 s
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("regions", ["all", "ap-southeast-3"])
def test_a_closed_port_is_not_audited(regions: str) -> None:
    proc = run_cli(
        "audit",
        "--endpoint-url",
        closed_port(),
        "--regions",
        regions,
        "--timeout",
        "60",
        "--format",
        "json",
        env=ENV,
        timeout=180,
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1:21", "http://", "http://127.0.0.1:port"])
def test_an_endpoint_url_that_is_not_a_url_is_exit_2(url: str) -> None:
    proc = run_cli("audit", "--endpoint-url", url, "--regions", "ap-southeast-3", env=ENV, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: --endpoint-url: ") and len(proc.stderr.strip().splitlines()) == 1


def test_per_resource_reads_stuck_on_a_slow_endpoint_are_cut_off_by_the_timeout(aws: boto3.Session) -> None:
    s3 = aws.client("s3", region_name=JKT)
    for name in ("pii-a", "pii-b", "pii-c"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": JKT})
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "data-class", "Value": "customer-pii"}]})
    stuck = threading.Event()

    def hang(_params: object) -> dict[str, object]:
        stuck.wait(30)  # released when the test ends
        return {}

    answer(aws, "s3", "GetBucketReplication", hang)
    install_empty_answers(aws)
    start = time.monotonic()
    try:
        result = run_audit(ClientFactory(aws), [JKT], RuleContext(ID_ONLY), workers=1, timeout=2)
    finally:
        stuck.set()
    assert time.monotonic() - start < 10
    assert result.exit_code == 3 and "s3: not read within --timeout" in result.regions[JKT]


def test_an_html_error_page_is_one_line_naming_its_title() -> None:
    """A 5xx whose body is a web page (a proxy's, or a server's own error page) is named by its title on one line;
    the page itself, tags and line breaks, was pasted into every region's status of the report."""
    with fault_server("unavailable-503") as endpoint:
        factory = ClientFactory(_session(), endpoint_url=endpoint, retries=ONE_TRY)
        result = run_audit(factory, [JKT], RuleContext(ID_ONLY), workers=1)
    status = result.regions[JKT]
    assert "<" not in status and "\n" not in status, status
    assert "an HTML page (Sign in to the guest network), not the service's answer" in status
