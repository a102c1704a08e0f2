"""SARIF 2.1.0 for code-scanning dashboards; ruleId is the policy name and fingerprints are stable."""

import hashlib
import json
from typing import Any

from residency import __version__
from residency.model.findings import Finding
from residency.report import Report, ResourceRow
from residency.reporters.common import RULE_META, rows_by_urn, weakened_line
from residency.reporters.locations import Location, locate
from residency.rule_docs import help_uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(name: str) -> dict[str, Any]:
    meta = RULE_META.get(name)
    if meta is None:
        return {"id": name, "shortDescription": {"text": name}}
    return {
        "id": name,
        "name": "".join(p.title() for p in name.split("-")),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": meta.description},
        "help": {"text": meta.remediation},
        "helpUri": help_uri(name),
        "properties": {"tags": [r.value for r in meta.regulations], "security-severity": _score(meta.severity.value)},
    }


def _score(severity: str) -> str:
    return {"low": "3.0", "medium": "5.5", "high": "8.0", "critical": "9.5"}.get(severity, "5.0")


def fingerprint(policy: str, urn: str | None, message: str) -> str:
    return hashlib.sha256(f"{policy}\0{urn or ''}\0{message}".encode()).hexdigest()


def _physical(where: Location) -> dict[str, Any]:
    return {"artifactLocation": {"uri": where.path}, "region": {"startLine": where.line}}


def _locations(result: Report, v: Finding, rows: dict[str, ResourceRow]) -> dict[str, Any]:
    primary, related = locate(result, v, rows)
    location: dict[str, Any] = {
        "logicalLocations": [{"fullyQualifiedName": v.urn or f"stack:{result.stack}", "kind": "resource"}]
    }
    if primary is not None:
        location["physicalLocation"] = _physical(primary)
    out: dict[str, Any] = {"locations": [location]}
    if related is not None:
        out["relatedLocations"] = [
            {"id": 1, "physicalLocation": _physical(related), "message": {"text": "registered inside this component"}}
        ]
    return out


def _suppressions(v: Finding) -> dict[str, Any]:
    if v.waiver is None:
        return {}
    e = v.waiver.entry
    return {
        "suppressions": [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{e.reason} ({e.ticket}, approved by {e.approved_by}, expires {e.expires})",
                "properties": {"exception": v.waiver.key, **e.to_json()},
            }
        ]
    }


def _failed_invocation(error: str) -> dict[str, Any]:
    return {
        "executionSuccessful": False,
        "toolExecutionNotifications": [{"level": "error", "message": {"text": error}}],
    }


def _invocation(result: Report) -> dict[str, Any]:
    """A weakened core policy is a configuration warning of the run itself, before any result."""
    notes = [
        {
            "level": "warning",
            "message": {"text": weakened_line(result) or ""},
            "descriptor": {"id": w["policy"]},
            "properties": {"level": w["level"], "default": w["default"]},
        }
        for w in result.weakened_policies
    ]
    return {"executionSuccessful": True, "toolConfigurationNotifications": notes}


def render(result: Report) -> str:
    names = sorted({*result.policies, *(v.policy for v in result.violations)})
    rows = rows_by_urn(result)
    index = {n: i for i, n in enumerate(names)}
    results = [
        {
            "ruleId": v.policy,
            "ruleIndex": index[v.policy],
            "level": "error" if v.blocking else "warning",
            "message": {"text": v.message},
            **_locations(result, v, rows),
            "partialFingerprints": {"residencyFinding/v1": fingerprint(v.policy, v.urn, v.message)},
            **_suppressions(v),
        }
        for v in result.violations
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "residency",
                        "version": __version__,
                        "informationUri": "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                        "rules": [_rule(n) for n in names],
                    }
                },
                "automationDetails": {"id": f"residency/{result.project}/{result.stack}/"},
                "invocations": [_failed_invocation(result.error) if result.error else _invocation(result)],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
