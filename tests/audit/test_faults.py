"""A region that cannot be read is reported as not audited, and the exit code says so."""

from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from residency.audit.clients import ClientFactory
from residency.audit.demo_seed import _bucket
from tests.audit.conftest import FAST_RETRY, JKT, SIN, audit


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body

    def read(self, *_: Any, **__: Any) -> bytes:
        return self._body


def _xml_error(status: int, code: str) -> AWSResponse:
    body = (
        f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} in test</Message>"
        "</Error><RequestId>1</RequestId></ErrorResponse>"
    ).encode()
    return AWSResponse("https://rds.amazonaws.com", status, {"Content-Type": "text/xml"}, _Raw(body))


def test_access_denied_in_one_region(aws: boto3.Session) -> None:
    factory = ClientFactory(aws, retries=FAST_RETRY)
    client = factory.client("rds", SIN)
    client.meta.events.register("before-send.rds.DescribeDBInstances", lambda **_: _xml_error(403, "AccessDenied"))
    result = audit(aws, regions=[JKT, SIN], factory=factory)
    assert result.regions[JKT] == "audited"
    assert result.regions[SIN] == "failed: rds: AccessDenied: AccessDenied in test"
    assert result.exit_code == 3


def test_throttling_then_success_is_retried(aws: boto3.Session) -> None:
    factory = ClientFactory(aws, retries={"max_attempts": 5, "mode": "standard"})
    client = factory.client("rds", JKT)
    calls = {"n": 0}

    def throttle_twice(**_: Any) -> AWSResponse | None:
        calls["n"] += 1
        return _xml_error(400, "Throttling") if calls["n"] <= 2 else None

    client.meta.events.register("before-send.rds.DescribeDBInstances", throttle_twice)
    result = audit(aws, regions=[JKT], factory=factory)
    assert calls["n"] == 3 and result.regions == {JKT: "audited"} and result.exit_code == 0


def test_throttled_past_retries_is_not_audited(aws: boto3.Session) -> None:
    factory = ClientFactory(aws, retries={"max_attempts": 2, "mode": "standard"})
    factory.client("rds", JKT).meta.events.register(
        "before-send.rds.DescribeDBInstances", lambda **_: _xml_error(400, "Throttling")
    )
    result = audit(aws, regions=[JKT], factory=factory)
    assert result.regions[JKT].startswith("failed: rds: Throttling") and result.exit_code == 3


def test_region_endpoint_refusing_connections(aws: boto3.Session) -> None:
    _bucket(aws, None, JKT, "kyc-docs", "source-document")
    factory = ClientFactory(
        aws, endpoints={SIN: "http://127.0.0.1:9"}, retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=1
    )
    result = audit(aws, regions=[JKT, SIN], factory=factory)
    assert result.regions[JKT] == "audited"
    assert result.regions[SIN].startswith("failed: ") and "cannot connect to http://127.0.0.1:9" in result.regions[SIN]
    assert result.exit_code == 3


@pytest.mark.parametrize("arn", [None, 7, [], {"k": "v"}, ""])
def test_a_resource_named_by_no_text_fails_that_region_not_the_run(aws: boto3.Session, arn: Any) -> None:
    """A JSON answer is not type-checked by botocore: an Arn that is null or a number was a URN that crashed the
    judging of every region after the collectors ran (an internal error, exit 2)."""
    kms = aws.client("kms", region_name=JKT)
    kms.create_key(MultiRegion=True)
    factory = ClientFactory(aws, retries=FAST_RETRY)

    def wrong_arn(parsed: dict[str, Any], **_: Any) -> None:
        parsed["KeyMetadata"]["Arn"] = arn

    factory.client("kms", JKT).meta.events.register("after-call.kms.DescribeKey", wrong_arn)
    result = audit(aws, regions=[JKT, SIN], factory=factory)
    assert result.regions[SIN] == "audited"
    assert result.regions[JKT].startswith("failed: kms: MalformedAnswerError: aws:kms/key:Key in the answer has ARN")
    assert result.exit_code == 3
