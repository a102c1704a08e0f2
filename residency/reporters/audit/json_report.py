"""One JSON object: account, per-region status, resource count and findings with ARNs and how to fix them."""

import json

from residency.audit.runner import AuditResult
from residency.reporters.common import RULE_META
from residency.rule_docs import help_uri


def render(result: AuditResult) -> str:
    doc = {
        "account": result.account,
        "regions": result.regions,
        "resources": len(result.resources),
        "findings": [
            {
                "policy": f.policy,
                "level": f.level.value,
                "resource": f.urn,
                "region": f.region,
                "dataClass": f.data_class,
                "message": f.message,
                "remediation": RULE_META[f.policy].remediation if f.policy in RULE_META else None,
                "helpUri": help_uri(f.policy) if f.policy in RULE_META else None,
            }
            for f in result.findings
        ],
        "notes": result.notes,
        "notEvaluated": [{"arn": r.urn, "type": r.type, "region": r.outputs.get("region")} for r in result.unevaluated],
    }
    return json.dumps(doc, indent=2) + "\n"
