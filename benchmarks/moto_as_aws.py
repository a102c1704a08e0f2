"""A moto server in its own process that answers two calls as AWS does, and counts every request it serves.

Usage: python -m benchmarks.moto_as_aws PORT [--latency-ms MS]
- `GET /__count` returns the number of requests served since the last `GET /__reset`.
- `--latency-ms` delays every answer (while `GET /__latency_on` holds; `/__latency_off` for seeding): moto answers
  in about a millisecond, AWS in tens to hundreds, which is what concurrency is for.
- ListBuckets carries each bucket's `BucketRegion` (AWS does; moto does not).
- A tagging `GetResources` that names its ARNs (`ResourceARNList`, at most 100) is answered in one page, as AWS
  does; moto pages it by 50, and a client that (rightly) reads one page then misses tags.

Its own process, so the tools measured against it do not share an interpreter (and a GIL) with the server.
`tests/audit/test_moto_gaps.py` notices when moto answers either call as AWS does.
"""

import argparse
import logging
import threading
import time
from collections.abc import Callable, Iterable
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

    ResourceGroupsTaggingAPIBackend.get_resources = get_resources  # type: ignore[method-assign,assignment]


def _bucket_region_as_aws() -> None:
    from moto.s3 import responses

    serialize = responses.S3Response.all_buckets

    def all_buckets(self: Any) -> Any:
        status, headers, body = serialize(self)
        return status, headers, _add_regions(body, self.backend)

    responses.S3Response.all_buckets = all_buckets  # type: ignore[method-assign]


def _add_regions(body: Any, backend: Any) -> Any:
    text = body.decode() if isinstance(body, bytes) else str(body)
    for name, bucket in backend.buckets.items():
        text = text.replace(
            f"<Name>{name}</Name>", f"<Name>{name}</Name><BucketRegion>{bucket.region_name}</BucketRegion>", 1
        )
    return text.encode() if isinstance(body, bytes) else text


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
        return moto(environ, start_response)  # type: ignore[no-any-return]

    return counted


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
