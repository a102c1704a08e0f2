"""Run every collector over every region (concurrently, bounded), then judge the facts with the residency rules."""

import math
import queue
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from residency.audit.clients import ClientFactory
from residency.audit.collectors import COLLECTORS
from residency.audit.collectors.base import Collector
from residency.audit.collectors.discovery import COLLECTOR as DISCOVERY
from residency.audit.collectors.discovery import DISCOVERED
from residency.audit.needs import Needs, RuleSet
from residency.audit.progress import AuditProgress
from residency.audit.reasons import reason
from residency.facts.builder import build_facts
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.model.findings import Finding
from residency.rules import RESIDENCY_RULES, evaluate
from residency.rules.base import RuleContext

DISCOVERY_SERVICE = DISCOVERY.service
AUDITED = "audited"
Failure = tuple[str | None, str]
"""(the service whose read failed, or None when the whole region was not read; why)."""


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
        """Not everything was read; also when nothing was: an audit of no region (no account) audited nothing."""
        if not self.regions:
            return True
        return bool(self.unevaluated) or any(status != AUDITED for status in self.regions.values())

    @property
    def exit_code(self) -> int:
        if self.incomplete:
            return 3  # never report a partly read account as clean, nor only as "violations"
        return 1 if any(f.blocking for f in self.findings) else 0


def _region_pass(
    factory: ClientFactory,
    region: str,
    collectors: Sequence[Collector],
    progress: AuditProgress,
    deadline: float = math.inf,
) -> tuple[list[ResourceInput], list[Failure]]:
    found: list[ResourceInput] = []
    failures: list[Failure] = []
    for collector in collectors:
        if time.monotonic() > deadline:
            failures.append((collector.service, "not read before the audit's --timeout"))
            continue
        try:
            found += collector.collect(factory, region)
        except Exception as exc:  # noqa: BLE001 - whatever stops a read makes that region not audited, never clean
            failures.append((collector.service, reason(exc)))
        finally:
            progress.finished(services=1)
    return found, failures


def _scan_regions(
    factory: ClientFactory,
    regions: Sequence[str],
    collectors: Sequence[Collector],
    workers: int,
    deadline: float,
    progress: AuditProgress,
    last_pass: bool,
) -> dict[str, tuple[list[ResourceInput], list[Failure]]]:
    """Regions in parallel on daemon threads, so a region still stuck on a slow endpoint at the deadline is left
    behind (reported as not audited) instead of keeping the process alive."""
    results: dict[str, tuple[list[ResourceInput], list[Failure]]] = {}
    finished: queue.Queue[str] = queue.Queue()
    slots = threading.Semaphore(max(1, workers))

    def scan(region: str) -> None:
        try:
            with slots:
                if time.monotonic() <= deadline:
                    results[region] = _region_pass(factory, region, collectors, progress, deadline)
        finally:  # whatever ends the scan, the waiting loop hears of it (a missing result reads as not audited)
            finished.put(region)
            if last_pass:
                progress.finished(regions=1)

    for region in regions:
        threading.Thread(target=scan, args=(region,), name=f"audit-{region}", daemon=True).start()
    for done in range(1, len(regions) + 1):
        try:
            region = finished.get(timeout=None if deadline == math.inf else max(deadline - time.monotonic(), 0))
        except queue.Empty:
            break
        found = len(results.get(region, ([], []))[0])
        progress(f"{done}/{len(regions)} regions read ({region}: {found} resources)")
    return dict(results)


def account_id(factory: ClientFactory, region: str, deadline: float = math.inf) -> str:
    """The report's label, read on a daemon thread within what is left of the deadline: a throttled STS retrying
    past --timeout never keeps the run alive."""
    answer: dict[str, str] = {}

    def read() -> None:
        try:
            answer["id"] = factory.account_id(region)
        except Exception as exc:  # noqa: BLE001 - the account id is a label; no answer must not stop the report
            answer["id"] = f"unknown ({reason(exc)})"

    reader = threading.Thread(target=read, name="audit-account-id", daemon=True)
    reader.start()
    reader.join(None if deadline == math.inf else max(deadline - time.monotonic(), 0))
    return answer.get("id", "unknown (not read before --timeout)")


def run_audit(
    factory: ClientFactory,
    regions: Sequence[str],
    ctx: RuleContext,
    workers: int = 8,
    progress: AuditProgress | None = None,
    collectors: Sequence[Collector] = COLLECTORS,
    timeout: float | None = None,
    rule_set: RuleSet = RuleSet.ALL,
) -> AuditResult:
    progress = progress or AuditProgress()
    sweep = [c for c in collectors if c.service == DISCOVERY_SERVICE]
    regional = [c for c in collectors if not c.global_service and c.service != DISCOVERY_SERVICE]
    global_ = [c for c in collectors if c.global_service]
    progress.expect(regions=len(regions), services=len(regions) * (len(sweep) + len(regional)) + len(global_))
    failures: dict[str, list[Failure]] = {r: [] for r in regions}
    resources: list[ResourceInput] = []
    deadline = time.monotonic() + timeout if timeout is not None else math.inf
    factory.needs = Needs(rule_set, ctx.posture.settings.org.ops_telemetry)
    # The tagging sweep first: every collector then reads tags (and regions) from it instead of per resource.
    swept = _scan_regions(factory, regions, sweep, workers, deadline, progress, False) if sweep else {}
    for region, (found, errors) in swept.items():
        resources += found
        failures[region] += errors
    # Listed once for the account (S3), alongside the regional scan: both only need the sweep.
    account_wide: dict[str, tuple[list[ResourceInput], list[Failure]]] = {}
    global_pass = threading.Thread(
        target=lambda: account_wide.update(
            {"*": _region_pass(factory, ",".join(regions), global_, progress, deadline)}
        ),
        name="audit-account-wide",
        daemon=True,
    )
    global_pass.start()
    if workers == 1:  # one thing at a time was asked for (moto's server is not thread-safe even for some reads)
        global_pass.join(None if deadline == math.inf else max(deadline - time.monotonic(), 0))
    results = _scan_regions(factory, regions, regional, workers, deadline, progress, True)
    global_pass.join(None if deadline == math.inf else max(deadline - time.monotonic(), 0))
    found, errors = account_wide.get("*", ([], [(c.service, "not read within --timeout") for c in global_]))
    resources += found
    for r in regions:
        failures[r] += errors
    for region in regions:
        if region not in results:
            failures[region].append((None, f"not read within --timeout {timeout:g} s"))
            continue
        found, errors = results[region]
        resources += found
        failures[region] += errors
    statuses = {r: AUDITED if not failures[r] else "failed: " + "; ".join(map(_shown, failures[r])) for r in regions}
    if not regions:
        statuses["*"] = "failed: no region was audited: the list of regions is empty"
    resources, unevaluated = _merge_discovered(resources, _covered_by_region(collectors, failures))
    covered_anywhere = frozenset(t for c in collectors for t in c.types)
    facts = build_facts(resources, {}, {})
    findings = evaluate(facts, ctx, RESIDENCY_RULES if rule_set is RuleSet.RESIDENCY else None)
    # Not evaluated means its protections were never read: a protection rule would judge settings nobody saw.
    unread = {r.urn for r in unevaluated}
    findings = [f for f in findings if f.urn not in unread or f.policy in RESIDENCY_RULES]
    if not regions:
        account = "unknown"
    elif time.monotonic() > deadline:
        account = "unknown (not read before --timeout)"
    else:
        account = account_id(factory, regions[0], deadline)
    notes = [_unevaluated_note(r, covered_anywhere, regions) for r in unevaluated]
    return AuditResult(account, statuses, resources, facts, findings, notes, unevaluated)


def _unevaluated_note(r: ResourceInput, covered: frozenset[str], regions: Sequence[str]) -> str:
    if r.outputs.get("region") not in regions:
        why = "its region is not audited (named by its source)"
    elif r.type in covered:
        why = "its collector failed in that region"
    else:
        why = "no collector reads this type"
    return f"not evaluated: {r.type} {r.urn} ({r.outputs.get('region')}): {why}; judged on its region and tags only"


def _arn_key(arn: str) -> str:
    return arn.removesuffix(":*")


def _shown(failure: Failure) -> str:
    service, why = failure
    return f"{service}: {why}" if service else why


def _covered_by_region(
    collectors: Sequence[Collector], failures: dict[str, list[Failure]]
) -> dict[str, frozenset[str]]:
    """The types each region's collectors did read: a collector that failed in a region covers nothing there, so
    what the sweep saw of its types stays judged (on region and tags) instead of vanishing with the failed read."""

    def read(c: Collector, failed: set[str | None]) -> bool:
        return c.service not in failed and (c.global_service or None not in failed)

    return {
        region: frozenset(t for c in collectors if read(c, {s for s, _ in errors}) for t in c.types)
        for region, errors in failures.items()
    }


def _merge_discovered(
    resources: list[ResourceInput], covered: dict[str, frozenset[str]]
) -> tuple[list[ResourceInput], list[ResourceInput]]:
    """Drop listings of what a service collector read; the rest stay, and are reported as not evaluated."""
    read = {_arn_key(r.urn) for r in resources if not r.outputs.get(DISCOVERED)}
    unevaluated = []
    kept = []
    for r in resources:
        if r.outputs.get(DISCOVERED):
            if _arn_key(r.urn) in read or r.type in covered.get(str(r.outputs.get("region")), frozenset()):
                continue
            read.add(_arn_key(r.urn))  # named from several regions (a global cluster's members): kept once
            unevaluated.append(r)
        kept.append(r)
    return kept, sorted(unevaluated, key=lambda r: r.urn)
