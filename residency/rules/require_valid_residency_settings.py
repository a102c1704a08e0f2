"""Residency settings a stack cannot be judged under are a violation, never a silent fallback."""

from collections.abc import Iterator, Sequence

from residency.facts.resource import ResourceFacts
from residency.model.findings import Severity
from residency.rules.base import ALL_REGULATIONS, EVERY_CLASS, Rule, RuleContext, RuleMeta, Scope


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    if ctx.settings_problem is not None:
        yield (
            None,
            f"residency settings are invalid ({ctx.settings_problem}); every resource is judged under the "
            "strictest posture (ID-only, no SCC) until they are fixed",
        )


RULE = Rule(
    RuleMeta(
        name="require-valid-residency-settings",
        title="Residency settings are valid",
        description="The stack's residency:org and residency:collections parse and agree with the data-class matrix.",
        severity=Severity.CRITICAL,
        scope=Scope.STACK,
        protects=EVERY_CLASS,
        # every placement verdict rests on these settings, so they serve all three
        regulations=ALL_REGULATIONS,
        remediation="Fix the key the message names; `residency preview` prints the allowed values.",
        compliant=(
            "residency:org:\n"
            "  dataResidency: ID-SG\n"
            "  scc: {reference: SCC-2026-014, signedOn: 2026-07-01, destinations: [sg-sin-1], expires: "
            "2028-06-30}"
        ),
        violating="residency:org:\n  dataResidency: ID-SG  # no scc: every resource is judged ID-only",
    ),
    check_stack=check_stack,
)
