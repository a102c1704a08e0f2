"""The one way a stack's config becomes a rule context, shared by the pack, the diff and the audit.

Invalid settings are judged under the strictest posture and reported by `require-valid-residency-settings`;
invalid exceptions waive nothing and are reported by `require-valid-exceptions`.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from residency.model.errors import ResidencyConfigError
from residency.model.exceptions import ExceptionEntry, load_exceptions
from residency.model.posture import Posture
from residency.model.stack_settings import StackSettings, load_stack_settings
from residency.rules import RULES
from residency.rules.base import RuleContext

POLICY_NAMES = frozenset(r.name for r in RULES)


def read_exceptions(config: Mapping[str, Any], today: date) -> tuple[tuple[ExceptionEntry, ...], str | None]:
    try:
        return load_exceptions(config, today, POLICY_NAMES), None
    except ResidencyConfigError as exc:
        return (), str(exc)


def rule_context(
    config: Mapping[str, Any], today: date, accepted_scc_references: frozenset[str] | None = None
) -> RuleContext:
    try:
        settings, problem = load_stack_settings(config, today), None
    except ResidencyConfigError as exc:
        settings, problem = StackSettings(), str(exc)
    entries, exceptions_problem = read_exceptions(config, today)
    return RuleContext(Posture(settings, today, accepted_scc_references), problem, entries, exceptions_problem)
