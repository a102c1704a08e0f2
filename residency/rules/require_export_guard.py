"""With `requireSinkRegion: ID`, the home stack guards dashboard exports with a geo match on Indonesia."""

from collections.abc import Iterator, Sequence
from typing import Any

from residency.facts.resource import ResourceFacts
from residency.facts.values import reveal
from residency.model.controls import EXPORT_GUARDED_CLASSES
from residency.model.findings import Severity
from residency.model.regions import HOME
from residency.model.settings import SinkRegion
from residency.rules.base import Regulation, Rule, RuleContext, RuleMeta, Scope

WEB_ACL = "aws:wafv2/webAcl:WebAcl"
ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation"


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def blocks_outside_indonesia(acl: ResourceFacts) -> bool:
    """A blocking rule whose statement contains NOT(geo match ID)."""
    for rule in reveal(acl.props.get("rules")) or []:
        if not isinstance(rule, dict) or "block" not in (rule.get("action") or {}):
            continue
        for node in _walk(rule.get("statement")):
            geo = (node.get("notStatement") or {}).get("statement", {}).get("geoMatchStatement")
            if isinstance(geo, dict) and geo.get("countryCodes") == ["ID"]:
                return True
    return False


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    org = ctx.posture.settings.org
    if org.require_sink_region is not SinkRegion.ID:
        return
    home = [f for f in facts if f.type.startswith("aws:") and f.region == HOME.aws]
    if not home:
        return  # the dashboard and its exports are served from the home region's stack
    guards = [f for f in facts if f.type == WEB_ACL and blocks_outside_indonesia(f)]
    attached = [
        f
        for f in facts
        if f.type == ASSOCIATION and any(g.urn in f.resource.property_dependencies.get("webAclArn", ()) for g in guards)
    ]
    if not guards:
        yield (
            None,
            (
                "requireSinkRegion: ID is set but no WAF web ACL blocks dashboard exports from outside "
                "Indonesia (a blocking rule with NOT geo match [ID])."
            ),
        )
    elif not attached:
        yield guards[0].urn, f"export guard {guards[0].resource.name} is not attached to the dashboard."


RULE = Rule(
    RuleMeta(
        name="require-export-guard",
        title="Dashboard exports stay in Indonesia",
        description="With requireSinkRegion ID, dashboard exports are blocked for requests from outside Indonesia.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=EXPORT_GUARDED_CLASSES,
        # transfers out of Indonesia (UU PDP art. 56) and access control (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation="Deploy the ExportGuard component on the dashboard's load balancer.",
        compliant=(
            "# residency:org.requireSinkRegion: ID\n"
            'ExportGuard("dashboard-exports", ExportGuardArgs(posture, load_balancer_arn, ["/export/*"]'
            ", jakarta))"
        ),
        violating="# residency:org.requireSinkRegion: ID, and no ExportGuard on the dashboard load balancer",
    ),
    check_stack=check_stack,
)
