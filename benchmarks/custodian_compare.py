"""Side by side with Cloud Custodian on one moto server: the same seeded account, findings and API calls compared.

Usage: python benchmarks/custodian_compare.py [--per-region 250] [--custodian /path/to/custodian]
Custodian runs from its own virtualenv (e.g. `python -m venv /tmp/c7n && /tmp/c7n/bin/pip install c7n==0.9.53`).

The comparison covers the services both tools read from this endpoint: S3, KMS and CloudWatch Logs (c7n's SQS
resource builds its own endpoint and never reaches moto). Both judge the same question, placement: a resource
tagged with a class that must stay in Jakarta, found in another region. API calls are counted at the moto
server (every HTTP request), so both tools are measured the same way.
"""

import argparse
import json
import logging
import os
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.audit_moto import REGIONS, seed
from residency.audit.clients import ClientFactory
from residency.audit.collectors import discovery, kms, logs, s3
from residency.audit.demo import demo_session, moto_server
from residency.audit.moto_gaps import install_bucket_region, install_empty_answers
from residency.audit.needs import RuleSet
from residency.audit.runner import run_audit
from residency.model.clock import today
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.stack_settings import StackSettings
from residency.rules.base import RuleContext

HOME = "ap-southeast-3"
RESTRICTED = [c.value for c in DataClass if c not in (DataClass.SOFTWARE_ARTIFACT, DataClass.WATCHLIST)]
PLATFORM = ["ap-southeast-3", "ap-southeast-1", "us-east-1"]
_TAG_FILTER = {"type": "value", "key": "tag:data-class", "op": "in", "value": RESTRICTED}
POLICIES = {
    "policies": [
        {
            "name": "s3-outside-jakarta",
            "resource": "aws.s3",
            "filters": [
                _TAG_FILTER,
                {"type": "value", "key": "Location.LocationConstraint", "op": "ne", "value": HOME},
            ],
        },
        {"name": "kms-outside-jakarta", "resource": "aws.kms-key", "filters": [_TAG_FILTER]},
        {"name": "logs-outside-jakarta", "resource": "aws.log-group", "filters": [_TAG_FILTER]},
        # software artefacts may live in the three platform regions, nowhere else
        *(
            {
                "name": f"{kind}-artefact-outside-platform",
                "resource": resource,
                "conditions": [{"type": "value", "key": "region", "op": "not-in", "value": PLATFORM}],
                "filters": [{"tag:data-class": "software-artifact"}],
            }
            for kind, resource in (("kms", "aws.kms-key"), ("logs", "aws.log-group"))
        ),
    ]
}


class _Requests(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _ours(endpoint: str) -> tuple[set[str], float]:
    session = demo_session()
    install_empty_answers(session)
    install_bucket_region(session)
    start = time.perf_counter()
    result = run_audit(
        ClientFactory(session, endpoint_url=endpoint),
        list(REGIONS),
        RuleContext(Posture(StackSettings(), today())),
        workers=1,
        collectors=(s3.COLLECTOR, kms.COLLECTOR, logs.COLLECTOR, discovery.COLLECTOR),
        rule_set=RuleSet.RESIDENCY,
    )
    elapsed = time.perf_counter() - start
    compared = ("aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup")
    found = {
        (f.urn or "").removesuffix(":*")
        for f in result.findings
        if f.policy == "restrict-data-class-region" and f.resource_type in compared
    }
    return {_name(u) for u in found}, elapsed


def _name(arn: str) -> str:
    return arn.rstrip("/").rsplit(":", 1)[-1].rsplit("/", 1)[-1]


def _custodian(binary: str, endpoint: str) -> tuple[set[str], float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        policy = Path(tmp) / "policy.json"
        policy.write_text(json.dumps(POLICIES))
        regions = [arg for r in REGIONS if r != HOME for arg in ("--region", r)]
        env = {
            **os.environ,
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        start = time.perf_counter()
        done = subprocess.run(
            [binary, "run", "--cache-period", "0", "-s", str(Path(tmp) / "out"), *regions, str(policy)],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        elapsed = time.perf_counter() - start
        found: set[str] = set()
        for resources in (Path(tmp) / "out").rglob("resources.json"):
            for r in json.loads(resources.read_text()):
                name = r.get("Name") or r.get("KeyId") or r.get("logGroupName") or r.get("Arn") or ""
                found.add(_name(str(name)))
        tail = done.stderr.strip().splitlines()[-1] if done.returncode and done.stderr.strip() else ""
        return found, elapsed, tail


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-region", type=int, default=250)
    parser.add_argument("--custodian", default=os.environ.get("C7N", "/tmp/c7n/bin/custodian"))
    args = parser.parse_args()
    counter = _Requests()
    werkzeug = logging.getLogger("werkzeug")
    with moto_server() as endpoint:
        werkzeug.setLevel(logging.INFO)
        werkzeug.handlers = [counter]
        werkzeug.propagate = False
        made = seed(endpoint, args.per_region)
        counter.count = 0
        ours, ours_s = _ours(endpoint)
        ours_calls, counter.count = counter.count, 0
        theirs, theirs_s, error = _custodian(args.custodian, endpoint)
        theirs_calls = counter.count
    print(f"seeded {made} resources in {len(REGIONS)} regions (S3, KMS and Logs compared)")
    print(f"residency audit: {ours_s:.2f} s, {ours_calls} HTTP requests, {len(ours)} placements outside Jakarta")
    print(f"cloud custodian: {theirs_s:.2f} s, {theirs_calls} HTTP requests, {len(theirs)} resources matched")
    if error:
        print(f"custodian error: {error}")
    print(f"found by both: {len(ours & theirs)}; only residency: {len(ours - theirs)}; only c7n: {len(theirs - ours)}")
    print("only residency:", sorted(ours - theirs)[:6], "only c7n:", sorted(theirs - ours)[:6])
    print(f"ratio of wall time (custodian / residency): {theirs_s / max(ours_s, 1e-9):.1f}")
    print("counts by tool:", dict(Counter({"residency": ours_calls, "custodian": theirs_calls})))


if __name__ == "__main__":
    main()
