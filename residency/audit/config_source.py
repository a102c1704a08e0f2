"""Audit from an AWS Config aggregator: configuration items of every account and region, judged by the same rules.

`SelectAggregateResourceConfig` queries (paged) read across the aggregator's accounts and regions:
- the configuration items of the converted types below, each becoming the resource the collectors would build;
- which types the aggregator holds (one grouped query), then the items of every other type that can hold or move
  data, tagged or not (fail closed: an untagged EBS volume or RDS snapshot copied out of Jakarta is judged, and a
  type unknown to this tool is read, not skipped); they are judged on their region and tags and listed as not
  evaluated;
- anything else that carries a data-class tag.
Config records only what its recorders are set to record and lags changes by minutes: the report says so.
"""

import json
import math
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import boto3

from residency.audit.clients import ClientFactory
from residency.audit.collectors import backup, rds
from residency.audit.collectors import s3_parts as parts
from residency.audit.collectors.base import resource, tag_dict
from residency.audit.config_types import TAGGED_ONLY
from residency.audit.deadline import within
from residency.audit.needs import RuleSet
from residency.audit.progress import AuditProgress
from residency.audit.reasons import reason
from residency.audit.runner import AUDITED, AuditResult
from residency.facts.builder import build_facts
from residency.facts.resource import ResourceInput
from residency.model.arn_types import type_for_arn
from residency.model.catalogue import Role
from residency.rules import RESIDENCY_RULES, evaluate
from residency.rules.base import RuleContext

Converter = Callable[[dict[str, Any], str], list[ResourceInput]]


def _c(item: dict[str, Any]) -> dict[str, Any]:
    value = item.get("configuration") or {}
    return json.loads(value) if isinstance(value, str) else dict(value)


def _supplementary(item: dict[str, Any], key: str) -> dict[str, Any]:
    value = (item.get("supplementaryConfiguration") or {}).get(key)
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def _bucket(item: dict[str, Any], region: str) -> list[ResourceInput]:
    name = str(_c(item).get("name") or item.get("resourceName") or item.get("resourceId"))
    arn = f"arn:aws:s3:::{name}"
    tags = tag_dict(item.get("tags"))
    lock = _supplementary(item, "ObjectLockConfiguration") or _supplementary(item, "BucketObjectLockConfiguration")
    out = [
        resource(
            arn,
            "aws:s3/bucket:Bucket",
            name,
            region,
            {"bucket": name, "tags": tags, "objectLockEnabled": lock.get("objectLockEnabled") == "Enabled"},
        )
    ]
    mode = (lock.get("rule") or {}).get("defaultRetention", {}).get("mode")
    if mode:
        out.append(parts.object_lock(arn, name, region, mode))
    sse = _supplementary(item, "ServerSideEncryptionConfiguration").get("rules") or []
    if sse:
        default = sse[0].get("applyServerSideEncryptionByDefault") or {}
        out.append(parts.encryption(arn, name, region, default.get("sseAlgorithm"), default.get("kmsMasterKeyID")))
    pab = _supplementary(item, "PublicAccessBlockConfiguration")
    if pab:
        out.append(parts.public_access_block(arn, name, region, pab))
    rules = _supplementary(item, "BucketReplicationConfiguration").get("rules") or []
    if rules:
        targets = [(r.get("status"), (r.get("destinationConfig") or {}).get("bucketARN"), None) for r in rules]
        out.append(parts.replication(arn, name, region, targets))
    return out


def _db(item: dict[str, Any], region: str) -> list[ResourceInput]:
    tags = tag_dict(item.get("tags"))
    return [rds.instance(_c(item), str(item.get("arn")), region, tags, name=item.get("resourceName"))]


def _queue(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    arn = str(c.get("QueueArn") or item.get("arn"))
    name = arn.rsplit(":", 1)[-1]
    props = {"name": name, "kmsMasterKeyId": c.get("KmsMasterKeyId"), "tags": tag_dict(item.get("tags"))}
    return [resource(arn, "aws:sqs/queue:Queue", name, region, props)]


def _log_group(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    name = str(c.get("logGroupName") or item.get("resourceName"))
    arn = str(item.get("arn") or "").removesuffix(":*")
    props = {
        "name": name,
        "retentionInDays": c.get("retentionInDays"),
        "kmsKeyId": c.get("kmsKeyId"),
        "tags": tag_dict(item.get("tags")),
    }
    return [resource(arn, "aws:cloudwatch/logGroup:LogGroup", name, region, props)]


def _key(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    if c.get("keyManager") not in (None, "CUSTOMER"):
        return []
    arn = str(c.get("arn") or item.get("arn"))
    tags = tag_dict(item.get("tags"))
    multi = c.get("multiRegionConfiguration") or {}
    if multi.get("multiRegionKeyType") == "REPLICA":
        primary = (multi.get("primaryKey") or {}).get("arn")
        return [resource(arn, "aws:kms/replicaKey:ReplicaKey", arn, region, {"primaryKeyArn": primary, "tags": tags})]
    return [resource(arn, "aws:kms/key:Key", arn, region, {"multiRegion": bool(c.get("multiRegion")), "tags": tags})]


def _table(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    name = str(c.get("tableName") or item.get("resourceName"))
    replicas = [{"regionName": r.get("regionName")} for r in c.get("replicas") or []]
    props = {"name": name, "replicas": replicas, "tags": tag_dict(item.get("tags"))}
    return [resource(str(item.get("arn")), "aws:dynamodb/table:Table", name, region, props)]


def _vault(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    c.setdefault("BackupVaultArn", item.get("arn"))
    c.setdefault("BackupVaultName", item.get("resourceName"))
    return [backup.vault(c, region, tag_dict(item.get("tags")))]


def _plan(item: dict[str, Any], region: str) -> list[ResourceInput]:
    c = _c(item)
    body = c.get("BackupPlan") or {}
    name = str(body.get("BackupPlanName") or item.get("resourceName"))
    arn = str(c.get("BackupPlanArn") or item.get("arn"))
    return [backup.plan(arn, name, region, body, tag_dict(item.get("tags")))]


def _snapshot(kind: rds.SnapshotKind) -> Converter:
    def convert(item: dict[str, Any], region: str) -> list[ResourceInput]:
        c = _c(item)
        c.setdefault(f"{kind.prefix}Arn", item.get("arn"))
        c.setdefault(f"{kind.prefix}Identifier", item.get("resourceName") or item.get("resourceId"))
        return [rds.snapshot(kind, c, region, tag_dict(item.get("tags")))]

    return convert


CONVERTERS: dict[str, Converter] = {
    "AWS::S3::Bucket": _bucket,
    "AWS::RDS::DBInstance": _db,
    "AWS::SQS::Queue": _queue,
    "AWS::Logs::LogGroup": _log_group,
    "AWS::KMS::Key": _key,
    "AWS::DynamoDB::Table": _table,
    "AWS::Backup::BackupVault": _vault,
    "AWS::Backup::BackupPlan": _plan,
    "AWS::RDS::DBSnapshot": _snapshot(rds.KINDS[0]),
    "AWS::RDS::DBClusterSnapshot": _snapshot(rds.KINDS[1]),
}
QUERY = (
    "SELECT resourceId, resourceName, resourceType, awsRegion, accountId, arn, configuration, "
    "supplementaryConfiguration, tags WHERE resourceType IN (" + ", ".join(f"'{t}'" for t in CONVERTERS) + ")"
)


TAGGED_QUERY = (
    "SELECT resourceId, resourceName, resourceType, awsRegion, accountId, arn, tags "
    "WHERE tags.key = 'data-class' AND resourceType NOT IN (" + ", ".join(f"'{t}'" for t in CONVERTERS) + ")"
)
"""Everything else that carries a data class: judged on its region and tags, and reported as not evaluated."""

TYPES_QUERY = "SELECT resourceType, COUNT(*) GROUP BY resourceType"
"""The types the aggregator holds, so that every one of them that can hold data is read."""

_ITEMS = "SELECT resourceId, resourceName, resourceType, awsRegion, accountId, arn, tags WHERE resourceType IN ("
MAX_EXPRESSION = 4096
"""SelectAggregateResourceConfig's limit on an expression's length."""


def data_type_queries(present: list[str]) -> list[str]:
    """Queries for the items of every present type that is neither converted nor data-free, each within the
    expression limit."""
    wanted = sorted(t for t in set(present) if t not in CONVERTERS and t not in TAGGED_ONLY)
    queries: list[str] = []
    batch: list[str] = []
    for t in wanted:
        quoted = "'" + t.replace("'", "''") + "'"
        if batch and len(_ITEMS) + len(", ".join([*batch, quoted])) + 1 > MAX_EXPRESSION:
            queries.append(_ITEMS + ", ".join(batch) + ")")
            batch = []
        batch.append(quoted)
    if batch:
        queries.append(_ITEMS + ", ".join(batch) + ")")
    return queries


class MalformedItemError(ValueError):
    """A configuration item whose fields are not what AWS Config records (tags that are not a list, a
    configuration that is not a JSON object)."""


def _row(raw: Any, number: int) -> dict[str, Any]:
    try:
        row = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError as exc:
        raise MalformedItemError(f"SelectAggregateResourceConfig row {number} is not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise MalformedItemError(f"SelectAggregateResourceConfig row {number} is not a JSON object")
    return row


def select_items(
    client: Any,
    aggregator: str,
    query: str = QUERY,
    deadline: float = math.inf,
    progress: AuditProgress | None = None,
) -> list[dict[str, Any]]:
    progress = progress or AuditProgress()
    items: list[dict[str, Any]] = []
    token: str | None = None
    seen: set[str] = set()
    while True:
        kwargs: dict[str, Any] = {"Expression": query, "ConfigurationAggregatorName": aggregator, "Limit": 100}
        if token:
            kwargs["NextToken"] = token
        page = client.select_aggregate_resource_config(**kwargs)
        if "Results" not in page:
            raise ValueError("SelectAggregateResourceConfig answered without Results: not AWS Config's answer")
        items += [_row(r, len(items) + n + 1) for n, r in enumerate(page["Results"])]
        progress.finished(items=len(page["Results"]))
        token = page.get("NextToken")
        if not token:
            return items
        if token in seen:  # a server that pages in a circle would otherwise never finish
            raise ValueError("SelectAggregateResourceConfig repeated a NextToken")
        if time.monotonic() > deadline:
            raise TimeoutError("the aggregator was not read to the end before the audit's --timeout")
        seen.add(token)


def _named(item: dict[str, Any]) -> str:
    ident = item.get("arn") or item.get("resourceId") or item.get("resourceName") or "without an id"
    return f"{item.get('resourceType', 'of no type')} {ident} ({item.get('accountId')}/{item.get('awsRegion')})"


def _convert(
    items: list[dict[str, Any]], others: list[dict[str, Any]]
) -> tuple[dict[str, list[ResourceInput]], dict[str, str], list[ResourceInput]]:
    """The resources of every item, by account; the account/regions they name; the ones judged on tags only."""
    item: dict[str, Any] = {}
    try:
        by_account: dict[str, list[ResourceInput]] = defaultdict(list)
        regions: dict[str, str] = {}
        for item in items:
            account, region = str(item.get("accountId", "unknown")), str(item.get("awsRegion", "unknown"))
            regions[f"{account}/{region}"] = AUDITED
            convert = CONVERTERS.get(str(item.get("resourceType")))
            if convert is None:
                continue  # the query asks for these types only; anything else is not ours to judge
            by_account[account] += convert(item, region)
        unevaluated: list[ResourceInput] = []
        seen: set[tuple[str, str]] = set()
        for item in others:
            config_type = str(item.get("resourceType"))
            ident = str(item.get("arn") or f"{config_type}/{item.get('resourceId')}")
            account, region = str(item.get("accountId", "unknown")), str(item.get("awsRegion", "unknown"))
            if (account, ident) in seen:
                continue  # both an item of a data type and tagged
            seen.add((account, ident))
            regions[f"{account}/{region}"] = AUDITED
            token, role = type_for_arn(ident) if item.get("arn") else (f"aws:config/{config_type}", Role.STORE)
            if role is Role.CONTROL and config_type in TAGGED_ONLY:
                continue
            name = str(item.get("resourceName") or item.get("resourceId") or ident)
            found = resource(ident, token, name, region, {"tags": tag_dict(item.get("tags"))})
            by_account[account].append(found)
            unevaluated.append(found)
    except Exception as exc:  # noqa: BLE001 - whatever a malformed row breaks, it names the row
        raise MalformedItemError(f"configuration item {_named(item)} is malformed: {reason(exc)}") from None
    return by_account, regions, unevaluated


def run_config_audit(
    session: boto3.Session,
    aggregator: str,
    ctx: RuleContext,
    endpoint_url: str | None = None,
    rule_set: RuleSet = RuleSet.ALL,
    progress: AuditProgress | None = None,
    timeout: float | None = None,
) -> AuditResult:
    progress = progress or AuditProgress()
    client = ClientFactory(session, endpoint_url).client("config", session.region_name or "us-east-1")
    deadline = time.monotonic() + timeout if timeout is not None else math.inf

    def read_all() -> tuple[list[dict[str, Any]], list[str], list[dict[str, Any]]]:
        items = select_items(client, aggregator, QUERY, deadline, progress)
        present = [str(t.get("resourceType")) for t in select_items(client, aggregator, TYPES_QUERY, deadline)]
        others = [
            item
            for query in data_type_queries(present)
            for item in select_items(client, aggregator, query, deadline, progress)
        ]
        others += select_items(client, aggregator, TAGGED_QUERY, deadline, progress)
        return items, present, others

    try:  # the deadline is checked between pages; `within` also cuts a page stuck on a slow endpoint
        items, present, others = within(deadline, f"aggregator {aggregator}", read_all)
    except Exception as exc:  # noqa: BLE001 - an aggregator that cannot be read is an incomplete audit
        return AuditResult(f"config aggregator {aggregator}", {"*": f"failed: {reason(exc)}"}, [], [], [])
    progress(f"{len(items)} configuration items from aggregator {aggregator}")
    if not items and not others:  # no item names an account or region: nothing can be reported as audited
        why = (
            f"aggregator {aggregator} holds no configuration item (its recorders record nothing, or it has no source)"
            if not present
            else f"aggregator {aggregator} holds no item of a type this audit reads ({len(set(present))} other types)"
        )
        return AuditResult(
            f"config aggregator {aggregator}", {"*": f"failed: no account was audited: {why}"}, [], [], []
        )
    try:
        by_account, regions, unevaluated = _convert(items, others)
    except MalformedItemError as exc:  # a row this audit cannot read: the aggregator was not read, never clean
        return AuditResult(f"config aggregator {aggregator}", {"*": f"failed: {exc}"}, [], [], [])
    result = AuditResult(f"config aggregator {aggregator}", dict(sorted(regions.items())), [], [], [])
    result.unevaluated = unevaluated
    result.notes += [
        f"not evaluated: {r.type} {r.urn} ({r.outputs.get('region')}): judged on its region and tags only"
        for r in unevaluated
    ]
    only = RESIDENCY_RULES if rule_set is RuleSet.RESIDENCY else None
    for account in sorted(by_account):
        facts = build_facts(by_account[account], {}, {})
        result.resources += by_account[account]
        result.facts += facts
        result.findings += evaluate(facts, ctx, only)  # each account judged on its own
    result.notes.append(
        "read from AWS Config: only the types and accounts its recorders record, as of their last recording; "
        f"read in full: {', '.join(CONVERTERS)}; every other type that can hold data: region and tags only"
    )
    return result
