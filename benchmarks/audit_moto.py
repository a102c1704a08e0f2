"""Audit a seeded account on a local moto server and count API calls per resource.

Usage: python -m benchmarks.audit_moto [--seed estate|pii-buckets] [--rules residency|all]

- `estate` (default): `benchmarks/estate.py`, 1,000 stores of five services in four regions with 100 known
  violations; the run is scored against them (found, missed, false positives).
- `pii-buckets`: the worst case for calls per resource: 1,000 resources of which every bucket (252) holds
  customer PII, so every bucket needs its replication read.

The baseline is the seeding itself in the same run (writes of the same resources over the same HTTP endpoint).
"""

import argparse
import logging
import time
from collections import Counter
from typing import Any

from benchmarks import estate
from residency.audit.clients import ClientFactory
from residency.audit.demo import demo_session, moto_server
from residency.audit.moto_gaps import install_bucket_region, install_empty_answers
from residency.audit.needs import RuleSet
from residency.audit.runner import AuditResult, run_audit
from residency.model.clock import today
from residency.model.posture import Posture
from residency.model.stack_settings import StackSettings
from residency.rules import RESIDENCY_RULES
from residency.rules.base import RuleContext

REGIONS = estate.REGIONS
CLASSES = ("customer-pii", "api-log", "software-artifact", "analytics")


def seed_pii_buckets(endpoint: str, per_region: int = 250) -> int:
    session = demo_session()
    made = 0
    for r_index, region in enumerate(REGIONS):
        s3 = session.client("s3", region_name=region, endpoint_url=endpoint)
        sqs = session.client("sqs", region_name=region, endpoint_url=endpoint)
        logs = session.client("logs", region_name=region, endpoint_url=endpoint)
        kms = session.client("kms", region_name=region, endpoint_url=endpoint)
        for i in range(per_region):
            cls = CLASSES[i % len(CLASSES)]
            kind = i % 4
            if kind == 0:
                args: dict[str, Any] = {"Bucket": f"bench-{r_index}-{i}"}
                if region != "us-east-1":
                    args["CreateBucketConfiguration"] = {"LocationConstraint": region}
                s3.create_bucket(**args)
                s3.put_bucket_tagging(Bucket=args["Bucket"], Tagging={"TagSet": [{"Key": "data-class", "Value": cls}]})
            elif kind == 1:
                sqs.create_queue(QueueName=f"bench-{i}", tags={"data-class": cls})
            elif kind == 2:
                logs.create_log_group(logGroupName=f"/bench/{i}", tags={"data-class": cls})
            else:
                kms.create_key(Tags=[{"TagKey": "data-class", "TagValue": cls}])
            made += 1
    return made


def residency_found(result: AuditResult) -> set[str]:
    """The stores a residency finding names (placement, copies, undetermined class); account-level ones aside."""
    return {
        estate.name_of(f.urn or "")
        for f in result.findings
        if f.policy in RESIDENCY_RULES and f.urn and f.urn.startswith("arn:")
    }


def audit(endpoint: str, rules: RuleSet) -> tuple[AuditResult, Counter[str], float]:
    session = demo_session()
    install_empty_answers(session)
    install_bucket_region(session)
    calls: Counter[str] = Counter()
    session._session.register(
        "before-call", lambda model, **_: calls.update([f"{model.service_model.service_name}.{model.name}"])
    )
    start = time.perf_counter()
    result = run_audit(
        ClientFactory(session, endpoint_url=endpoint),
        list(REGIONS),
        RuleContext(Posture(StackSettings(), today())),
        workers=1,  # moto's server is not thread-safe, even for some reads
        rule_set=rules,
    )
    return result, calls, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", choices=["estate", "pii-buckets"], default="estate")
    parser.add_argument("--rules", choices=[r.value for r in RuleSet], default=RuleSet.ALL.value)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with moto_server() as endpoint:
        start = time.perf_counter()
        stores = estate.seed(endpoint) if args.seed == "estate" else None
        made = len(stores) if stores is not None else seed_pii_buckets(endpoint)
        seeding = time.perf_counter() - start
        result, calls, audit_time = audit(endpoint, RuleSet(args.rules))
    total = sum(calls.values())
    print(
        f"seed {args.seed}, rules {args.rules}: seeded {made} resources in {len(REGIONS)} regions in {seeding:.1f} s; "
        f"audited {len(result.resources)} resources in {audit_time:.2f} s (ratio to seeding "
        f"{audit_time / seeding:.2f}); {total} API calls = {total / made:.3f} per resource; "
        f"regions {sorted(set(result.regions.values()))}"
    )
    if stores is not None:
        print("score against the seeded violations:", estate.score(residency_found(result), stores))
    print("calls by operation:", dict(calls.most_common()))


if __name__ == "__main__":
    main()
