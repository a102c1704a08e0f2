from residency.diff.state_reader import context_from
from residency.facts.builder import build_facts
from residency.rules import evaluate
from residency.rules.base import RuleContext
from residency.rules.require_valid_residency_settings import RULE
from tests.conftest import ID_ONLY
from tests.rules.fixtures import STACK_CONFIG, bucket


def test_valid_settings_pass() -> None:
    facts = build_facts(bucket(), STACK_CONFIG, {})
    assert list(RULE.run(facts, RuleContext(ID_ONLY))) == []


def test_a_settings_problem_is_one_stack_violation_naming_it() -> None:
    facts = build_facts(bucket(), STACK_CONFIG, {})
    found = list(RULE.run(facts, RuleContext(ID_ONLY, "residency:org.scc: required for ID-SG")))
    assert len(found) == 1 and found[0][0] is None
    assert "residency:org.scc: required for ID-SG" in found[0][1] and "strictest posture" in found[0][1]


def test_the_diff_reads_invalid_settings_as_the_pack_does() -> None:
    ctx, _ = context_from({"residency:org": '{"dataResidency": "ID-SG"}'})
    assert ctx.settings_problem and ctx.posture.sg_problem() is not None
    findings = evaluate(build_facts(bucket(), STACK_CONFIG, {}), ctx)
    assert [f.policy for f in findings if f.urn is None] == ["require-valid-residency-settings"]
