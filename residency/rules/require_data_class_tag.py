"""Every taggable store carries a known `data-class` tag; a tag that nearly names a class is reported anywhere."""

from collections.abc import Iterator

from residency.facts.kubernetes import DATA_TYPES as K8S_DATA_TYPES
from residency.facts.resource import ResourceFacts
from residency.model.data_classes import ALLOWED_VALUES
from residency.model.findings import Severity
from residency.rules.base import EVERY_CLASS, Regulation, Rule, RuleContext, RuleMeta, Scope


def _needs_tag(f: ResourceFacts) -> bool:
    if f.type.startswith("kubernetes:"):
        return f.type in K8S_DATA_TYPES
    return f.type.startswith("aws:") and f.entry is not None and f.entry.needs_tag


def check(f: ResourceFacts, ctx: RuleContext) -> Iterator[str]:
    if f.near_miss and f.type.startswith(("aws:", "kubernetes:")):
        yield (
            f"{f.type} {f.resource.name}: {f.near_miss}. The pack reads only the key data-class (label "
            f"quantumelixir.tech/data-class on Kubernetes), spelt exactly, with one value of: {ALLOWED_VALUES}."
        )
        return
    if _needs_tag(f) and f.data_class is None:
        until = (
            f"Until its metadata.labels carry quantumelixir.tech/data-class with one of: {ALLOWED_VALUES}, it"
            if f.type.startswith("kubernetes:")
            else "Until it is tagged data-class with one of the twelve classes it"
        )
        yield (
            f"{f.type} {f.resource.name} holds data but its data class cannot be determined: {f.class_problem}. "
            f"{until} is judged as the most restricted class."
        )


RULE = Rule(
    RuleMeta(
        name="require-data-class-tag",
        title="Data stores declare their data class",
        description="Every data store that accepts tags carries a data-class tag with exactly one known value.",
        severity=Severity.HIGH,
        scope=Scope.RESOURCE,
        protects=EVERY_CLASS,
        # record of processing (UU PDP art. 31) and data classification (POJK 38)
        regulations=(Regulation.PDP, Regulation.OJK),
        remediation=(
            "Tag the resource with data-class (on Kubernetes: the label quantumelixir.tech/data-class) set to one of "
            "the twelve known classes, spelt exactly."
        ),
        compliant='aws.s3.Bucket("docs", tags={"data-class": "source-document"}, opts=jakarta)',
        violating=(
            'aws.s3.Bucket("docs", tags={"dataclass": "source-document"}, opts=jakarta)  # key misspelt'
            ": judged as audit-log"
        ),
    ),
    check=check,
)
