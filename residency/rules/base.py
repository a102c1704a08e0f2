"""What a rule is: validated metadata plus a pure check over resource facts."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from residency.facts.resource import ResourceFacts
from residency.model.data_classes import DataClass
from residency.model.exceptions import ExceptionEntry
from residency.model.findings import Level, Severity
from residency.model.posture import Posture
from residency.model.settings import Collection


class Regulation(StrEnum):
    BI = "BI 22/23/PBI/2020"
    OJK = "POJK 38/POJK.03/2016"
    PDP = "UU PDP 27/2022"


class Scope(StrEnum):
    RESOURCE = "resource"
    STACK = "stack"


class RuleMeta(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^(require|restrict|enforce|enable|disallow|configure)(-[a-z0-9]+)+$")
    title: str
    description: str
    severity: Severity
    level: Level = Level.MANDATORY
    scope: Scope
    protects: tuple[DataClass, ...]
    regulations: tuple[Regulation, ...]
    remediation: str
    compliant: str
    """A short program or config that passes (shown in the rule's page)."""
    violating: str
    """The same, changed so that it fails."""

    @field_validator("description", "remediation")
    @classmethod
    def _sentence(cls, value: str) -> str:
        if not value[:1].isupper() or not value.endswith("."):
            raise ValueError("must be a complete sentence")
        return value


@dataclass(frozen=True)
class RuleContext:
    posture: Posture
    settings_problem: str | None = None
    """Why the stack's residency settings could not be read; the posture is then the strictest one."""
    exceptions: tuple[ExceptionEntry, ...] = ()
    exceptions_problem: str | None = None
    """Why `residency:exceptions` could not be read; then nothing is waived."""

    def collection_of(self, f: ResourceFacts) -> Collection | None:
        return self.posture.settings.collection(f.collection)


ResourceCheck = Callable[[ResourceFacts, RuleContext], Iterable[str]]
StackCheck = Callable[[Sequence[ResourceFacts], RuleContext], Iterable[tuple[str | None, str]]]


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: ResourceCheck | None = None
    check_stack: StackCheck | None = None

    @property
    def name(self) -> str:
        return self.meta.name

    def run(self, facts: Sequence[ResourceFacts], ctx: RuleContext) -> Iterable[tuple[str | None, str]]:
        if self.check is not None:
            for f in facts:
                for message in self.check(f, ctx):
                    yield f.urn, message
        if self.check_stack is not None:
            yield from self.check_stack(facts, ctx)


ALL_REGULATIONS = (Regulation.BI, Regulation.OJK, Regulation.PDP)
EVERY_CLASS = tuple(DataClass)
