"""Exceptions are valid and in force: an invalid or expired exception is a violation, and waives nothing."""

from collections.abc import Iterator, Sequence

from residency.facts.resource import ResourceFacts
from residency.model.exceptions import EXCEPTIONS_KEY, expired
from residency.model.findings import Severity
from residency.rules.base import EVERY_CLASS, Regulation, Rule, RuleContext, RuleMeta, Scope


def check_stack(facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterator[tuple[str | None, str]]:
    if ctx.exceptions_problem is not None:
        yield None, f"residency:exceptions is invalid ({ctx.exceptions_problem}); no exception waives anything"
    for index, entry in expired(ctx.exceptions, ctx.posture.today):
        yield (
            None,
            f"{EXCEPTIONS_KEY}[{index}] ({entry.ticket}, {entry.policy} on {entry.resource}) expired on "
            f"{entry.expires}: renew it with a new review or fix the resource",
        )


RULE = Rule(
    RuleMeta(
        name="require-valid-exceptions",
        title="Exceptions are valid and unexpired",
        description="Every accepted deviation names a reason, an approver, a ticket and an expiry that has not passed.",
        severity=Severity.HIGH,
        scope=Scope.STACK,
        protects=EVERY_CLASS,
        # accountability for accepted risk (POJK 38 risk management) and for processing (UU PDP art. 47)
        regulations=(Regulation.OJK, Regulation.PDP),
        remediation="Renew the exception (new expiry, new approval) or fix the resource and remove the entry.",
        compliant=(
            "residency:exceptions:\n"
            '  - {policy: enable-deletion-protection, resource: "urn:pulumi:*::legacy", reason: "emptie'
            'd by the migration job first",\n'
            "     approvedBy: ciso@example.co.id, ticket: RISK-101, expires: 2027-02-01}"
        ),
        violating=(
            "residency:exceptions:\n"
            '  - {policy: enable-deletion-protection, resource: "urn:pulumi:*::legacy", reason: "legacy'
            '",\n'
            "     approvedBy: ciso@example.co.id, ticket: RISK-101, expires: 2025-01-01}  # too short, "
            "and expired"
        ),
    ),
    check_stack=check_stack,
)
