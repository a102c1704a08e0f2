"""Exceptions through the shared rule driver: waived, refused, expired and stale, as the diff and audit see them."""

from datetime import timedelta

from residency.facts.builder import build_facts
from residency.model.exceptions import EXCEPTIONS_KEY
from residency.rules import EXCEPTIONS_POLICY, evaluate
from residency.rules.context import rule_context
from tests.model.test_exceptions import TODAY, entry
from tests.rules.fixtures import STACK_CONFIG, bucket, mutate

LEGACY = "urn:pulumi:s::p::aws:s3/bucket:Bucket::legacy"


def _run(*entries: dict[str, object]) -> list[tuple[str, str | None, bool, str]]:
    facts = build_facts(mutate(bucket("legacy"), 0, ("forceDestroy",), True), STACK_CONFIG, {})
    ctx = rule_context({**STACK_CONFIG, EXCEPTIONS_KEY: list(entries)}, TODAY)
    return [(f.policy, f.urn, f.blocking, f.message) for f in evaluate(facts, ctx)]


def test_without_an_exception_the_finding_blocks() -> None:
    assert [(p, b) for p, _, b, _ in _run()] == [("enable-deletion-protection", True)]


def test_a_matching_exception_waives_and_blocks_nothing() -> None:
    found = _run(entry(resource=LEGACY))
    assert [(p, b) for p, _, b, _ in found] == [("enable-deletion-protection", False)]


def test_an_expired_exception_waives_nothing_and_is_itself_a_violation() -> None:
    found = _run(entry(resource=LEGACY, expires=str(TODAY - timedelta(days=3))))
    policies = sorted((p, b) for p, _, b, _ in found)
    assert policies == [("enable-deletion-protection", True), ("require-valid-exceptions", True)]
    assert any("expired on" in m and "RISK-101" in m for *_, m in found)


def test_an_exception_matching_nothing_is_reported_stale_without_blocking() -> None:
    found = _run(entry(resource=LEGACY), entry(resource="urn:pulumi:s::p::aws:s3/bucket:Bucket::gone"))
    stale = [(b, m) for p, _, b, m in found if p == EXCEPTIONS_POLICY]
    assert len(stale) == 1 and not stale[0][0] and "residency:exceptions[1]" in stale[0][1]


def test_invalid_exceptions_waive_nothing_and_say_which_entry() -> None:
    found = _run(entry(resource=LEGACY, reason="short"))
    assert ("enable-deletion-protection", True) in [(p, b) for p, _, b, _ in found]
    assert any(p == "require-valid-exceptions" and "residency:exceptions[0].reason" in m for p, _, _, m in found)
