"""Run every collector over every region (concurrently, bounded), then judge the facts with the residency rules."""

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError

from residency.audit.clients import ClientFactory
from residency.audit.collectors import COLLECTORS
from residency.audit.collectors.base import Collector
from residency.audit.collectors.discovery import DISCOVERED
from residency.facts.builder import build_facts
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.model.findings import Finding, Level
from residency.model.posture import Posture
from residency.rules import evaluate
from residency.rules.base import RuleContext

AUDITED = "audited"
Progress = Callable[[str], None]


def reason(exc: Exception) -> str:
    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        return f"{err.get('Code', 'error')}: {err.get('Message', '')}".strip().rstrip(":")
    if isinstance(exc, EndpointConnectionError):
        return f"cannot connect to {exc.kwargs.get('endpoint_url', 'the endpoint')}"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")


@dataclass
class AuditResult:
    account: str
    regions: dict[str, str]
    resources: list[ResourceInput]
    facts: list[ResourceFacts]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)
    unevaluated: list[ResourceInput] = field(default_factory=list)
    """Resources found only by the tagging listing: judged on region and tags, their copies not read."""

    @property
    def incomplete(self) -> bool:
        return bool(self.unevaluated) or any(status != AUDITED for status in self.regions.values())

    @property
    def exit_code(self) -> int:
        if self.incomplete:
            return 3  # never report a partly read account as clean, nor only as "violations"
        return 1 if any(f.level is Level.MANDATORY for f in self.findings) else 0


def _region_pass(
    factory: ClientFactory, region: str, collectors: Sequence[Collector]
) -> tuple[list[ResourceInput], list[str]]:
    found: list[ResourceInput] = []
    failures = []
    for collector in collectors:
        try:
            found += collector.collect(factory, region)
        except Exception as exc:  # noqa: BLE001 - whatever stops a read makes that region not audited, never clean
            failures.append(f"{collector.service}: {reason(exc)}")
    return found, failures


def account_id(factory: ClientFactory, region: str) -> str:
    try:
        return str(factory.client("sts", region).get_caller_identity()["Account"])
    except (ClientError, BotoCoreError) as exc:
        return f"unknown ({reason(exc)})"


def run_audit(
    factory: ClientFactory,
    regions: Sequence[str],
    posture: Posture,
    workers: int = 8,
    progress: Progress = lambda _: None,
    collectors: Sequence[Collector] = COLLECTORS,
) -> AuditResult:
    regional = [c for c in collectors if not c.global_service]
    global_ = [c for c in collectors if c.global_service]
    failures: dict[str, list[str]] = {r: [] for r in regions}
    resources: list[ResourceInput] = []
    for collector in global_:  # listed once for the account, before the regional scan starts
        found, errors = _region_pass(factory, ",".join(regions), [collector])
        resources += found
        for r in regions:
            failures[r] += errors
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {r: pool.submit(_region_pass, factory, r, regional) for r in regions}
        for done, (region, future) in enumerate(futures.items(), 1):
            found, errors = future.result()
            resources += found
            failures[region] += errors
            progress(f"{done}/{len(regions)} regions read ({region}: {len(found)} resources)")
    statuses = {r: AUDITED if not failures[r] else "failed: " + "; ".join(failures[r]) for r in regions}
    covered = frozenset(t for c in collectors for t in c.types)
    resources, unevaluated = _merge_discovered(resources, covered)
    facts = build_facts(resources, {}, {})
    findings = evaluate(facts, RuleContext(posture))
    account = account_id(factory, regions[0]) if regions else "unknown"
    notes = [
        f"not evaluated: {r.type} {r.urn} ({r.outputs.get('region')}): no collector reads this type; judged on its "
        "region and tags only"
        for r in unevaluated
    ]
    return AuditResult(account, statuses, resources, facts, findings, notes, unevaluated)


def _arn_key(arn: str) -> str:
    return arn.removesuffix(":*")


def _merge_discovered(
    resources: list[ResourceInput], covered: frozenset[str]
) -> tuple[list[ResourceInput], list[ResourceInput]]:
    """Drop listings of what a service collector reads; the rest stay, and are reported as not evaluated."""
    read = {_arn_key(r.urn) for r in resources if not r.outputs.get(DISCOVERED)}
    unevaluated = []
    kept = []
    for r in resources:
        if r.outputs.get(DISCOVERED):
            if _arn_key(r.urn) in read or r.type in covered:
                continue
            unevaluated.append(r)
        kept.append(r)
    return kept, sorted(unevaluated, key=lambda r: r.urn)
