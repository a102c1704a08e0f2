"""Meta-tests: one rule per file named after its policy; metadata is complete; the registry lists every file."""

import importlib
import pkgutil
from pathlib import Path

import pytest

import residency.rules as rules_pkg
from residency.rules import RULES
from residency.rules.base import Rule, Scope

RULE_DIR = Path(rules_pkg.__file__).parent
NOT_RULES = {"__init__", "base", "companions", "context"}
RULE_MODULES = sorted(m.name for m in pkgutil.iter_modules([str(RULE_DIR)]) if m.name not in NOT_RULES)


@pytest.mark.parametrize("module_name", RULE_MODULES)
def test_rule_file_name_is_the_policy_name(module_name: str) -> None:
    module = importlib.import_module(f"residency.rules.{module_name}")
    rule = module.RULE
    assert isinstance(rule, Rule)
    assert rule.name == module_name.replace("_", "-")


def test_registry_holds_every_rule_file_once() -> None:
    assert sorted(r.name.replace("-", "_") for r in RULES) == RULE_MODULES


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_metadata_is_complete(rule: Rule) -> None:
    meta = rule.meta
    assert meta.regulations and meta.protects and meta.title
    assert (rule.check is not None) == (meta.scope is Scope.RESOURCE)
    assert (rule.check_stack is not None) == (meta.scope is Scope.STACK)
    module = importlib.import_module(f"residency.rules.{rule.name.replace('-', '_')}")
    assert module.__doc__ and module.__doc__.strip().endswith(".")


PLACEMENT_RULES = {
    "restrict-data-class-region",
    "restrict-cross-region-replication",
    "enforce-volume-region-topology",
    "require-valid-residency-settings",  # every placement verdict rests on the settings
}


def test_each_rule_names_the_regulations_it_serves_not_all_three_by_default() -> None:
    from residency.rules.base import ALL_REGULATIONS, Regulation

    every = {r.name for r in RULES if set(r.meta.regulations) == set(ALL_REGULATIONS)}
    assert every == PLACEMENT_RULES  # where data lives is what BI, OJK and UU PDP all regulate
    assert all(Regulation.PDP in r.meta.regulations or r.name == "enable-object-lock" for r in RULES)


def test_sentences_are_enforced() -> None:
    from pydantic import ValidationError

    from residency.model.findings import Severity
    from residency.rules.base import RuleMeta

    with pytest.raises(ValidationError, match="complete sentence"):
        RuleMeta(
            name="require-x",
            title="t",
            description="no capital and no stop",
            severity=Severity.LOW,
            scope=Scope.RESOURCE,
            protects=(),
            regulations=(),
            remediation="Do it.",
            compliant="x",
            violating="y",
        )
