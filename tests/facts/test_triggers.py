"""A schedule carries no data: what it starts receives only what its inputs name (fail closed otherwise)."""

from typing import Any

from residency.facts.builder import build_facts
from residency.facts.flow import effective
from residency.facts.resource import ResourceFacts, ResourceInput
from residency.model.data_classes import DataClass
from tests.rules.fixtures import STACK_CONFIG, bucket, res, tags

MOST, WATCH, PII = DataClass.AUDIT_LOG, DataClass.WATCHLIST, DataClass.CUSTOMER_PII
FN_ARN = "arn:aws:lambda:ap-southeast-3:123456789012:function:sync"


def facts(*resources: ResourceInput) -> dict[str, ResourceFacts]:
    return {f.resource.name: f for f in build_facts(list(resources), STACK_CONFIG, {})}


def fn() -> ResourceInput:
    return res("aws:lambda/function:Function", "sync", {"name": "sync", "tags": tags("watchlist")})


def rule(**props: Any) -> ResourceInput:
    return res("aws:cloudwatch/eventRule:EventRule", "daily", {"name": "daily-rule", **props})


def target(**props: Any) -> ResourceInput:
    r, f = rule(), fn()
    return res(
        "aws:cloudwatch/eventTarget:EventTarget",
        "daily-sync",
        {"rule": "daily-rule", "arn": FN_ARN, **props},
        deps={"rule": (r.urn,), "arn": (f.urn,)},
    )


def test_a_target_of_a_schedule_only_rule_brings_nothing_into_the_function() -> None:
    got = facts(rule(scheduleExpression="cron(0 17 * * ? *)"), fn(), target())
    assert set(effective(got["sync"])) == {WATCH}
    assert effective(got["daily-sync"]) == {} and got["daily-sync"].clock_started


def test_a_constant_input_on_a_scheduled_target_still_carries_nothing() -> None:
    got = facts(rule(scheduleExpression="rate(1 day)"), fn(), target(input='{"mode": "full"}'))
    assert set(effective(got["sync"])) == {WATCH}


def test_a_scheduled_target_whose_input_names_a_store_carries_its_class() -> None:
    src = bucket("src")
    t = target(input='{"bucket": "arn:aws:s3:::src-bkt"}')
    got = facts(*src, rule(scheduleExpression="rate(1 day)"), fn(), t)
    assert PII in effective(got["sync"]) and MOST not in effective(got["sync"])


def test_a_target_of_an_event_pattern_rule_is_still_the_most_restricted_class() -> None:
    pattern = '{"source": ["aws.s3"]}'
    for props in ({"eventPattern": pattern}, {"eventPattern": pattern, "scheduleExpression": "rate(1 day)"}):
        got = facts(rule(**props), fn(), target())
        assert MOST in effective(got["sync"]) and got["daily-sync"].clock_started is None


def test_a_target_whose_rule_cannot_be_found_is_still_the_most_restricted_class() -> None:
    t = res("aws:cloudwatch/eventTarget:EventTarget", "daily-sync", {"rule": "elsewhere", "arn": FN_ARN})
    got = facts(fn(), t)
    assert MOST in effective(got["daily-sync"])


def schedule(arn: str, **target_props: Any) -> ResourceInput:
    return res(
        "aws:scheduler/schedule:Schedule",
        "nightly",
        {"scheduleExpression": "cron(0 1 * * ? *)", "target": {"arn": arn, **target_props}},
        deps={"target": ("urn:pulumi:s::p::aws:lambda/function:Function::sync",)},
    )


def test_a_scheduler_schedule_with_a_constant_input_brings_nothing_into_its_target() -> None:
    got = facts(fn(), schedule(FN_ARN, input='{"mode": "full"}'))
    assert set(effective(got["sync"])) == {WATCH} and effective(got["nightly"]) == {}


def test_a_scheduler_universal_target_is_still_the_most_restricted_class() -> None:
    got = facts(fn(), schedule("arn:aws:scheduler:::aws-sdk:s3:copyObject", input='{"Bucket": "x"}'))
    assert MOST in effective(got["nightly"])
