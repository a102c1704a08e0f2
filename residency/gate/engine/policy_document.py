"""Render `aws.iam.get_policy_document` the way the provider does: compact IAM JSON from the statements."""

import json
from typing import Any


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _principals(principals: list[dict[str, Any]]) -> Any:
    out: dict[str, Any] = {}
    for p in principals:
        if p.get("type") == "*" and p.get("identifiers") == ["*"]:
            return "*"
        out.setdefault(str(p.get("type")), []).extend(p.get("identifiers") or [])
    return {k: _one_or_many(sorted(v)) for k, v in out.items()}


def _statement(s: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if s.get("sid"):
        out["Sid"] = s["sid"]
    out["Effect"] = s.get("effect") or "Allow"
    for key, name in (
        ("actions", "Action"),
        ("notActions", "NotAction"),
        ("resources", "Resource"),
        ("notResources", "NotResource"),
    ):
        if s.get(key):
            out[name] = _one_or_many(sorted(s[key]))
    for key, name in (("principals", "Principal"), ("notPrincipals", "NotPrincipal")):
        if s.get(key):
            out[name] = _principals(s[key])
    if s.get("conditions"):
        conditions: dict[str, dict[str, Any]] = {}
        for c in s["conditions"]:
            conditions.setdefault(c["test"], {})[c["variable"]] = _one_or_many(c.get("values") or [])
        out["Condition"] = conditions
    return out


def render_policy_document(args: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"Version": args.get("version") or "2012-10-17"}
    if args.get("policyId"):
        doc["Id"] = args["policyId"]
    doc["Statement"] = [_statement(s) for s in args.get("statements") or []]
    text = json.dumps(doc, indent=2)
    return {"json": text, "minifiedJson": json.dumps(doc, separators=(",", ":")), "id": str(abs(hash(text)))}
