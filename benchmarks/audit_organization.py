"""An organisation audit end to end: 20 member accounts x 4 regions on a moto server, through the CLI.

Usage: python -m benchmarks.audit_organization [--accounts 20] [--account-workers 4] [--latency-ms 0]

The estate of `benchmarks/estate.py` (its copies aside: a replica in another account is judged in its own
account) is dealt out over the member accounts, 50 stores each. The CLI runs as a user would run it:
`residency audit --organization --rules residency`, listing the accounts through Organizations and assuming
OrganizationAccountAccessRole in each. Reported: wall time, requests served, accounts and regions audited, and
the findings scored against the seeded violations.
"""

import argparse
import json
import sys
import time
from typing import Any

from benchmarks import estate
from benchmarks.moto_as_aws import run_tool, served, server
from residency.audit.demo import demo_session
from residency.audit.organization import assume


def _organization(endpoint: str, members: int) -> list[str]:
    org: Any = demo_session().client("organizations", region_name="us-east-1", endpoint_url=endpoint)
    org.create_organization(FeatureSet="ALL")
    return [
        org.create_account(AccountName=f"member-{i}", Email=f"m{i}@example.co.id")["CreateAccountStatus"]["AccountId"]
        for i in range(members)
    ]


def _stores() -> list[estate.Store]:
    """The estate without its copies; a store that only received a copy is an ordinary artefact here."""
    keep = {"placement", "stray", "untagged", None}
    return [
        estate.Store(s.service, s.region, s.name, s.data_class, s.violation if s.violation in keep else None)
        for s in estate.plan()
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--account-workers", type=int, default=4)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args()
    stores = _stores()
    with server(args.latency_ms) as endpoint:
        served(endpoint, "/__latency_off")
        start = time.perf_counter()
        members = _organization(endpoint, args.accounts)
        for index, account in enumerate(members):
            session = assume(demo_session(), account, "OrganizationAccountAccessRole", endpoint)
            for store in stores[index :: len(members)]:
                estate.seed_store(session, endpoint, store)
        seeding = time.perf_counter() - start
        served(endpoint, "/__latency_on")
        served(endpoint, "/__reset")
        done, wall = run_tool(
            [
                sys.executable,
                "-m",
                "residency",
                "audit",
                "--organization",
                "--endpoint-url",
                endpoint,
                "--regions",
                ",".join(estate.REGIONS),
                "--rules",
                "residency",
                "--account-workers",
                str(args.account_workers),
                "--workers",
                str(len(estate.REGIONS)),
                "--format",
                "json",
                "--progress-every",
                "5",
            ],
            endpoint,
        )
        requests = served(endpoint, "/__count")
    doc = json.loads(done.stdout)
    statuses = doc["regions"]
    audited = sum(1 for status in statuses.values() if status == "audited")
    found = {estate.name_of(f["resource"]) for f in doc["findings"] if str(f.get("resource", "")).startswith("arn:")}
    print(
        f"{len(members)} accounts x {len(estate.REGIONS)} regions, {len(stores)} stores (seeded in {seeding:.1f} s); "
        f"exit {done.returncode}; {audited}/{len(statuses)} account-regions audited; audit {wall:.1f} s "
        f"({args.account_workers} accounts at a time); {requests} requests = {requests / len(stores):.2f} per store"
    )
    print("score against the seeded violations:", estate.score(found, stores))
    print("status lines on stderr:", sum(1 for line in done.stderr.splitlines() if "audit running" in line))
    not_audited = {k: v for k, v in statuses.items() if v != "audited"}
    if not_audited:
        print("not audited:", dict(list(not_audited.items())[:5]))


if __name__ == "__main__":
    main()
