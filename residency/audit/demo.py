"""`residency audit --demo`: moto's server on 127.0.0.1, a seeded account, the audit over HTTP, then stop."""

import logging
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.demo_seed import IAD, JKT, SIN, seed
from residency.audit.moto_gaps import install_bucket_region, install_empty_answers
from residency.audit.progress import AuditProgress
from residency.audit.runner import AuditResult, run_audit
from residency.rules.base import RuleContext

DEMO_REGIONS = (JKT, SIN, IAD)


@contextmanager
def moto_server() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request would drown the report
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        # Moto keeps its backends per process: start every demo from an empty account.
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=30)
        yield endpoint
    finally:
        server.stop()


def demo_session() -> boto3.Session:
    return boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=JKT)


def run_demo(ctx: RuleContext, progress: AuditProgress) -> AuditResult:
    """Moto's server is not thread-safe even for reads of some services: the demo scans one region at a time."""
    with moto_server() as endpoint:
        progress(f"moto server on {endpoint}; seeding a demo account")
        seed(demo_session(), endpoint)
        session = demo_session()
        notes = install_empty_answers(session) + install_bucket_region(session)
        factory = ClientFactory(session, endpoint_url=endpoint, detail_workers=1)
        result = run_audit(factory, list(DEMO_REGIONS), ctx, 1, progress)
    result.notes += notes
    return result
