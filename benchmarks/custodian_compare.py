"""Side by side with Cloud Custodian on one moto server: the same seeded estate, findings scored, requests counted.

Usage: python -m benchmarks.custodian_compare [--custodian /path/to/custodian]
Custodian runs from its own virtualenv (`python -m venv /tmp/c7n && /tmp/c7n/bin/pip install c7n==0.9.53`).

The estate is `benchmarks/estate.py` (1,000 stores, 100 in violation). Compared: the four services Custodian
reaches on this endpoint, S3, DynamoDB, CloudWatch Logs and RDS (c7n's SQS resource builds its own endpoint and
never reaches moto). Both tools answer the same question: which stores hold data where the matrix forbids it,
copy it out of Jakarta, or cannot be classified. Requests are counted at the moto server for both.

Custodian runs twice:
- tuned: S3 listed once for the account (a region condition), each bucket augmented with its replication only
  (`augment-keys`, the same in every S3 policy so the in-memory cache is shared safely), one invocation;
- default: the same policies with c7n's default S3 augment and no cache.

Both tools run as their own processes against a moto server in a third (`benchmarks/moto_as_aws.py`, which
answers ListBuckets' `BucketRegion` and a tagging `GetResources` by ARN list as AWS does); wall times include each
tool's start-up.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import estate
from benchmarks.audit_moto import residency_found
from benchmarks.moto_as_aws import run_tool, served, server
from residency.audit.clients import ClientFactory
from residency.audit.collectors import discovery, dynamodb, logs, rds, s3
from residency.audit.demo import demo_session
from residency.audit.moto_gaps import install_empty_answers
from residency.audit.needs import RuleSet
from residency.audit.runner import run_audit
from residency.model.clock import today
from residency.model.posture import Posture
from residency.model.stack_settings import StackSettings
from residency.rules.base import RuleContext

COMPARED = ("s3", "dynamodb", "logs", "rds")
C7N_RESOURCE = {"dynamodb": "aws.dynamodb-table", "logs": "aws.log-group", "rds": "aws.rds"}
HOME = estate.HOME


def policies(stores: list[estate.Store], tuned: bool) -> dict[str, Any]:
    restricted = {"type": "value", "key": "tag:data-class", "op": "in", "value": list(estate.RESTRICTED)}
    untagged = {"tag:data-class": "absent"}
    home_buckets = [f"arn:aws:s3:::{s.name}" for s in stores if s.service == "s3" and s.region == HOME]
    s3_extra: dict[str, Any] = (
        {
            "conditions": [{"type": "value", "key": "region", "value": "us-east-1"}],
            "query": [{"augment-keys": ["Replication"]}],
        }
        if tuned
        else {}
    )
    location = "Location.LocationConstraint"
    out: list[dict[str, Any]] = [
        {"name": "s3-misplaced", "resource": "aws.s3", **s3_extra,
         "filters": [restricted, {"type": "value", "key": location, "op": "ne", "value": HOME}]},
        {"name": "s3-stray", "resource": "aws.s3", **s3_extra,
         "filters": [{"type": "value", "key": location, "value": estate.STRAYS}]},
        {"name": "s3-untagged", "resource": "aws.s3", **s3_extra, "filters": [untagged]},
        # moto-compatible form of c7n's bucket-replication filter (its region lookup needs real S3 over https)
        {"name": "s3-replicates-out", "resource": "aws.s3", **s3_extra,
         "filters": [{"type": "value", "key": "Replication.ReplicationConfiguration.Rules[].Destination.Bucket",
                      "op": "difference", "value": home_buckets}]},
    ]  # fmt: skip
    for service, resource in C7N_RESOURCE.items():
        out += [
            {"name": f"{service}-misplaced", "resource": resource, "filters": [restricted],
             "conditions": [{"type": "value", "key": "region", "op": "ne", "value": HOME}]},
            {"name": f"{service}-stray", "resource": resource,
             "conditions": [{"type": "value", "key": "region", "value": estate.STRAYS}]},
            {"name": f"{service}-untagged", "resource": resource, "filters": [untagged]},
        ]  # fmt: skip
    # the copies the residency audit reads too: table replicas and log subscriptions leaving Jakarta
    out += [
        {"name": "dynamodb-replicates-out", "resource": "aws.dynamodb-table",
         "filters": [{"type": "value", "key": "Replicas[].RegionName", "op": "difference", "value": [HOME]}]},
        {"name": "logs-subscribed-out", "resource": "aws.log-group",
         "filters": [{"or": [restricted, untagged]},
                     {"type": "subscription-filter", "key": "destinationArn", "op": "regex",
                      "value": f"^arn:aws:[a-z0-9-]+:(?!{HOME}:).*"}]},
    ]  # fmt: skip
    return {"policies": out}


def ours(endpoint: str) -> set[str]:
    """The residency side, run in its own process by `--ours ENDPOINT`."""
    session = demo_session()
    install_empty_answers(session)
    result = run_audit(
        ClientFactory(session, endpoint_url=endpoint),
        list(estate.REGIONS),
        RuleContext(Posture(StackSettings(), today())),
        workers=len(estate.REGIONS),  # the audit reads regions at once (default 8); Custodian reads one by one
        collectors=(discovery.COLLECTOR, s3.COLLECTOR, dynamodb.COLLECTOR, logs.COLLECTOR, rds.COLLECTOR),
        rule_set=RuleSet.RESIDENCY,
    )
    return residency_found(result)


def residency(endpoint: str) -> tuple[set[str], float, str]:
    done, elapsed = run_tool([sys.executable, "-m", "benchmarks.custodian_compare", "--ours", endpoint], endpoint)
    if done.returncode:
        return set(), elapsed, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
    return set(json.loads(done.stdout)), elapsed, ""


def custodian(binary: str, endpoint: str, doc: dict[str, Any], tuned: bool) -> tuple[set[str], float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        policy = Path(tmp) / "policy.json"
        policy.write_text(json.dumps(doc))
        regions = [arg for r in estate.REGIONS for arg in ("--region", r)]
        cache = ["--cache-period", "15", "--cache", "memory"] if tuned else ["--cache-period", "0"]
        done, elapsed = run_tool([binary, "run", *cache, "-s", str(Path(tmp) / "out"), *regions, str(policy)], endpoint)
        found: set[str] = set()
        for resources in (Path(tmp) / "out").rglob("resources.json"):
            for r in json.loads(resources.read_text()):
                name = r.get("Name") or r.get("TableName") or r.get("logGroupName") or r.get("DBInstanceIdentifier")
                found.add(estate.name_of(str(name or "")))
        tail = done.stderr.strip().splitlines()[-1] if done.returncode and done.stderr.strip() else ""
        return found, elapsed, tail


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--custodian", default=os.environ.get("C7N", "/tmp/c7n/bin/custodian"))
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tool; the median wall time is shown")
    parser.add_argument(
        "--latency-ms", type=float, default=0.0, help="added to every answer after seeding (AWS answers in 20-200 ms)"
    )
    parser.add_argument("--ours", metavar="ENDPOINT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours:
        print(json.dumps(sorted(ours(args.ours))))
        return
    rows = []
    with server(args.latency_ms) as endpoint:
        served(endpoint, "/__latency_off")
        everything = estate.seed(endpoint)
        served(endpoint, "/__latency_on")
        stores = [s for s in everything if s.service in COMPARED]
        others = {s.name for s in everything if s.service not in COMPARED}
        runs: list[tuple[str, Any]] = [("residency --rules residency", lambda: residency(endpoint))]
        for tuned in (True, False):
            doc = policies(stores, tuned)
            label = "custodian, tuned" if tuned else "custodian, default S3 augment"
            runs.append((label, lambda d=doc, t=tuned: custodian(args.custodian, endpoint, d, t)))
        for label, run in runs:
            times, found, requests, error = [], set[str](), 0, ""
            for _ in range(args.rounds):
                served(endpoint, "/__reset")
                found, seconds, error = run()
                times.append(seconds)
                requests = served(endpoint, "/__count")
            score = estate.score(found - others, stores)  # queues are not compared; any other name counts against
            rows.append((label, statistics.median(times), requests, score, error))
    print(
        f"{len(stores)} stores compared ({', '.join(COMPARED)}), {len(estate.truth(stores))} in violation; "
        f"{args.latency_ms:g} ms added to every answer"
    )
    print("| tool | wall (median) | requests | per store | found | false positives |")
    print("|---|---|---|---|---|---|")
    for label, seconds, requests, score, error in rows:
        print(
            f"| {label} | {seconds:.2f} s | {requests} | {requests / len(stores):.2f} | "
            f"{score['found']}/{score['seeded']} | {score['false positives']} |" + (f" error: {error}" if error else "")
        )
    base = rows[0][1]
    for label, seconds, *_ in rows[1:]:
        print(f"{label}: {seconds / base:.1f}x the residency audit's wall time")


if __name__ == "__main__":
    main()
