"""An answer in a protocol the check does not know is not trusted: that service is not audited."""

from types import SimpleNamespace

import pytest

from residency.audit.answer_check import NotTheServiceError, check_answer


def _operation(protocol: str) -> SimpleNamespace:
    service = SimpleNamespace(resolved_protocol=protocol, service_id="Future")
    return SimpleNamespace(service_model=service, name="ListThings", output_shape=None)


def test_an_unknown_protocol_fails_closed() -> None:
    response = {"status_code": 200, "headers": {}, "body": b"\xa1\x65things\x80"}
    with pytest.raises(NotTheServiceError, match="protocol smithy-rpc-v2-cbor, which this audit cannot verify"):
        check_answer(_operation("smithy-rpc-v2-cbor"), response, endpoint="http://127.0.0.1:1")


def test_errors_are_left_to_botocore() -> None:
    check_answer(_operation("smithy-rpc-v2-cbor"), {"status_code": 500, "headers": {}, "body": b"oops"})
