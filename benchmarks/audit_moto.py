"""Seed 1,000 resources across 4 regions on a local moto server, audit them, and count API calls per resource.

Usage: python benchmarks/audit_moto.py [--per-region 250]
The baseline is the seeding itself in the same run (writes of the same resources over the same HTTP endpoint).
"""

import argparse
import logging
import time
from collections import Counter
from typing import Any

from residency.audit.clients import ClientFactory
from residency.audit.demo import demo_session, moto_server
from residency.audit.moto_gaps import install_bucket_region, install_empty_answers
from residency.audit.needs import RuleSet
from residency.audit.runner import run_audit
from residency.model.clock import today
from residency.model.posture import Posture
from residency.model.stack_settings import StackSettings
from residency.rules.base import RuleContext

REGIONS = ("ap-southeast-3", "ap-southeast-1", "us-east-1", "eu-west-1")
CLASSES = ("customer-pii", "api-log", "software-artifact", "analytics")


def seed(endpoint: str, per_region: int) -> int:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-region", type=int, default=250)
    parser.add_argument("--rules", choices=[r.value for r in RuleSet], default=RuleSet.ALL.value)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with moto_server() as endpoint:
        start = time.perf_counter()
        made = seed(endpoint, args.per_region)
        seeding = time.perf_counter() - start
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
            workers=1,
            rule_set=RuleSet(args.rules),
        )
        audit_time = time.perf_counter() - start
    total = sum(calls.values())
    print(
        f"seeded {made} resources in {len(REGIONS)} regions in {seeding:.1f} s; audited {len(result.resources)} "
        f"resources in {audit_time:.1f} s (ratio to seeding {audit_time / seeding:.2f}); {total} API calls = "
        f"{total / made:.2f} per resource; {len(result.findings)} findings; regions {set(result.regions.values())}"
    )
    print("calls by service:", dict(calls.most_common()))


if __name__ == "__main__":
    main()
