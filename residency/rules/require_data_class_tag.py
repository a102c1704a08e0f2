"""Every data-holding resource carries a known `data-class` tag."""

from collections.abc import Iterator

from residency.facts.resource import ResourceFacts
from residency.model.findings import Severity
from residency.rules.base import ALL_REGULATIONS, PERSONAL_CLASSES, Rule, RuleContext, RuleMeta, Scope


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.is_data_store and f.data_class is None:
        yield f"{f.type} {f.resource.name} holds data but its data class cannot be determined: {f.class_problem}."


RULE = Rule(
    RuleMeta(
        name="require-data-class-tag",
        title="Data stores declare their data class",
        description="Every data-holding resource carries a data-class tag with a known value.",
        severity=Severity.HIGH,
        scope=Scope.RESOURCE,
        protects=PERSONAL_CLASSES,
        regulations=ALL_REGULATIONS,
        remediation="Tag the resource with data-class set to one of the twelve known classes.",
    ),
    check=check,
)
