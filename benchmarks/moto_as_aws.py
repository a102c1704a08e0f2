"""A moto server in its own process that answers two calls as AWS does, and counts every request it serves.

Usage: python -m benchmarks.moto_as_aws PORT [--latency-ms MS]
- `GET /__count` returns the number of requests served since the last `GET /__reset`.
- `--latency-ms` delays every answer (while `GET /__latency_on` holds; `/__latency_off` for seeding): moto answers
  in about a millisecond, AWS in tens to hundreds, which is what concurrency is for.
- The reads moto lacks (`residency.audit.moto_gaps.EMPTY_ANSWERS`) are answered as for an account with none.
- ListBuckets carries each bucket's `BucketRegion` (AWS does when it is paginated, as the audit's is; moto does not).
- A tagging `GetResources` that names its ARNs (`ResourceARNList`, at most 100) is answered in one page, as AWS
  does; moto pages it by 50, and a client that (rightly) reads one page then misses tags.

Its own process, so the tools measured against it do not share an interpreter (and a GIL) with the server.
`tests/audit/test_moto_gaps.py` notices when moto answers either call as AWS does.
"""

import argparse
import io
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import run_simple


def _tagging_as_aws() -> None:
    from moto.resourcegroupstaggingapi.models import ResourceGroupsTaggingAPIBackend

    original = ResourceGroupsTaggingAPIBackend.get_resources

    def get_resources(self: Any, pagination_token: Any = None, **kwargs: Any) -> Any:
        if kwargs.get("resource_arn_list") and not pagination_token:
            found = self._get_resources_generator(
                tag_filters=kwargs.get("tag_filters"),
                resource_type_filters=kwargs.get("resource_type_filters"),
                resource_arn_list=kwargs["resource_arn_list"],
            )
            return None, list(found)
        return original(self, pagination_token=pagination_token, **kwargs)

    # Patching moto's class for the benchmark server is the point; mypy refuses assigning to a method.
    ResourceGroupsTaggingAPIBackend.get_resources = get_resources  # type: ignore[method-assign,assignment]


def _bucket_region_as_aws() -> None:
    from moto.s3 import responses

    serialize = responses.S3Response.all_buckets

    def all_buckets(self: Any) -> Any:
        status, headers, body = serialize(self)
        return status, headers, _add_regions(body, self.backend)

    # As above: a deliberate patch of moto's method.
    responses.S3Response.all_buckets = all_buckets  # type: ignore[method-assign]


def _add_regions(body: Any, backend: Any) -> Any:
    text = body.decode() if isinstance(body, bytes) else str(body)
    for name, bucket in backend.buckets.items():
        text = text.replace(
            f"<Name>{name}</Name>", f"<Name>{name}</Name><BucketRegion>{bucket.region_name}</BucketRegion>", 1
        )
    return text.encode() if isinstance(body, bytes) else text


_EMPTY_GLOBAL_DATASTORES = (
    b'<DescribeGlobalReplicationGroupsResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
    b"<DescribeGlobalReplicationGroupsResult><GlobalReplicationGroups/></DescribeGlobalReplicationGroupsResult>"
    b"<ResponseMetadata><RequestId>moto-as-aws</RequestId></ResponseMetadata></DescribeGlobalReplicationGroupsResponse>"
)


def _unimplemented(environ: dict[str, Any]) -> tuple[str, bytes] | None:
    """The reads moto lacks (`residency.audit.moto_gaps.EMPTY_ANSWERS`), answered as AWS answers an account
    that has none, so an audit through this server is complete."""
    if environ.get("PATH_INFO", "").endswith("/file-systems/replication-configurations"):
        return "application/json", b'{"Replications": []}'
    if environ.get("HTTP_X_AMZ_TARGET", "").endswith(".DescribeAccountPolicies"):
        return "application/x-amz-json-1.1", b'{"accountPolicies": []}'
    if environ.get("REQUEST_METHOD") == "POST" and "elasticache" in environ.get("HTTP_AUTHORIZATION", ""):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        if b"Action=DescribeGlobalReplicationGroups" in body:
            return "text/xml", _EMPTY_GLOBAL_DATASTORES
    return None


def app(latency_ms: float = 0.0) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    moto = DomainDispatcherApplication(create_backend_app)
    count = [0]
    delay = [latency_ms / 1000]
    lock = threading.Lock()

    def counted(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith("/__"):
            with lock:
                served = count[0]
                if path == "/__reset":
                    count[0] = 0
                elif path in ("/__latency_on", "/__latency_off"):
                    delay[0] = latency_ms / 1000 if path == "/__latency_on" else 0.0
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [str(served).encode()]
        with lock:
            count[0] += 1
        if delay[0]:
            time.sleep(delay[0])
        unimplemented = _unimplemented(environ)
        if unimplemented is not None:
            content_type, body = unimplemented
            start_response("200 OK", [("Content-Type", content_type)])
            return [body]
        answered: Iterable[bytes] = moto(environ, start_response)  # moto's WSGI app is untyped
        return answered

    return counted


@contextmanager
def server(latency_ms: float = 0.0) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "benchmarks.moto_as_aws", str(port), "--latency-ms", str(latency_ms)]
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{endpoint}/__count", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def served(endpoint: str, path: str) -> int:
    return int(urllib.request.urlopen(f"{endpoint}{path}", timeout=10).read())


def aws_env(endpoint: str) -> dict[str, str]:
    """The environment a tool runs in against this server: its endpoint and credentials that reach nothing else."""
    return {
        **os.environ,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }


def run_tool(command: list[str], endpoint: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run a tool against this server as its own process; its output and its wall time, start-up included."""
    start = time.perf_counter()
    done = subprocess.run(command, env=aws_env(endpoint), capture_output=True, text=True, timeout=3600, check=False)
    return done, time.perf_counter() - start


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    _tagging_as_aws()
    _bucket_region_as_aws()
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args()
    run_simple("127.0.0.1", args.port, app(args.latency_ms), threaded=True)


if __name__ == "__main__":
    main()
