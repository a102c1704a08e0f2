"""Calls moto does not implement, answered through botocore's before-call hook (tests and the demo only).

Each entry is one API operation; tests/audit/test_moto_gaps.py fails as soon as moto implements it, so the
answer here can be removed instead of hiding a real response.
"""

import json
from collections.abc import Callable, Mapping
from typing import Any

import boto3

from residency.audit.collectors.s3 import region_code

EMPTY_ANSWERS: dict[tuple[str, str], dict[str, Any]] = {
    ("elasticache", "DescribeGlobalReplicationGroups"): {"GlobalReplicationGroups": []},
    ("efs", "DescribeReplicationConfigurations"): {"Replications": []},
    ("logs", "DescribeAccountPolicies"): {"accountPolicies": []},
}


class _Http:
    status_code = 200
    headers: dict[str, str] = {}


def answer(
    session: boto3.Session, service: str, operation: str, respond: Callable[[Mapping[str, Any]], dict[str, Any]]
) -> None:
    """Short-circuit one operation on every client of this session with `respond(params)`; for JSON protocols
    `params` are the operation's parameters (the request body), otherwise the serialized request."""

    def handler(params: Mapping[str, Any], **_: Any) -> tuple[_Http, dict[str, Any]]:
        body = params.get("body")
        if (
            isinstance(body, bytes | str)
            and body
            and str(params.get("headers", {}).get("Content-Type", "")).startswith("application/x-amz-json")
        ):
            return _Http(), respond(json.loads(body))
        return _Http(), respond(params)

    session._session.register(f"before-call.{service}.{operation}", handler)


def install_bucket_region(session: boto3.Session) -> list[str]:
    """AWS's paginated ListBuckets (the audit's) returns each bucket's `BucketRegion`; moto's does not. Fill it in
    from moto's own state (the server runs in this process), so the audit reads locations as it does against AWS."""
    from moto.s3.models import s3_backends

    def fill(parsed: dict[str, Any], **_: Any) -> None:
        for bucket in parsed.get("Buckets", []):
            if "BucketRegion" in bucket:
                continue
            for backend in (b for account in s3_backends.values() for b in account.values()):
                found = backend.buckets.get(bucket.get("Name"))
                if found is not None:  # moto keeps the legacy `EU` constraint as the region; AWS names eu-west-1
                    bucket["BucketRegion"] = region_code(found.region_name)
                    break

    session._session.register("after-call.s3.ListBuckets", fill)
    return ["moto lacks ListBuckets' BucketRegion: the demo fills it from moto's own state"]


def install_empty_answers(session: boto3.Session) -> list[str]:
    notes = []
    for (service, operation), body in EMPTY_ANSWERS.items():

        def respond(_params: Mapping[str, Any], b: dict[str, Any] = body) -> dict[str, Any]:
            return dict(b)

        answer(session, service, operation, respond)
        notes.append(f"moto lacks {service} {operation}: the demo answers it with an empty list")
    return notes
