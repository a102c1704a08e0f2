"""The adapter never lets the SDK's unknown-value proxy downgrade a residency check to an advisory."""

import json

from pulumi_policy.proxy import unknown_checking_proxy

from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN
from residency.gate.analyzer_client import PackServer
from tests.gate.projects import POLICY_PACK

SIN = ProviderInput(
    "pulumi:providers:aws", "urn:pulumi:dev::p::pulumi:providers:aws::sin", "sin", {"region": "ap-southeast-1"}
)


def test_plain_unwraps_proxies_and_keeps_unknowns() -> None:
    from residency.pack.build import plain

    proxied = unknown_checking_proxy({"tags": {"data-class": UNKNOWN}, "list": [1, {"a": UNKNOWN}]})
    assert plain(proxied) == {"tags": {"data-class": UNKNOWN}, "list": [1, {"a": UNKNOWN}]}


def _analyze(resource: ResourceInput, config: dict[str, str]) -> list[tuple[str, str, str]]:
    with PackServer(POLICY_PACK, {"PULUMI_CONFIG": json.dumps(config), "RESIDENCY_TODAY": "2026-11-27"}) as pack:
        _, policies = pack.info()
        pack.configure({p.name: (p.level, {}) for p in policies})
        found = pack.analyze(resource) + pack.analyze_stack([resource])
    return [(d.policy, d.level, d.message) for d in found]


def test_unknown_region_is_a_mandatory_violation_not_an_advisory() -> None:
    r = ResourceInput(
        "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
        "aws:s3/bucket:Bucket",
        "b",
        {"region": UNKNOWN, "tags": {"data-class": "customer-pii"}},
        SIN,
    )
    found = _analyze(r, {"aws:region": "ap-southeast-3"})
    region = [f for f in found if f[0] == "restrict-data-class-region"]
    assert region == [
        (
            "restrict-data-class-region",
            "mandatory",
            "b holds customer-pii but its region cannot be determined: the resource's region input is "
            "unknown during preview.",
        )
    ]
    assert not any("can't run policy" in f[2] for f in found)


def test_invalid_org_settings_are_reported_and_judged_strictly() -> None:
    r = ResourceInput(
        "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
        "aws:s3/bucket:Bucket",
        "b",
        {"tags": {"data-class": "customer-pii"}},
        SIN,
    )
    found = _analyze(r, {"aws:region": "ap-southeast-3", "residency:org": json.dumps({"dataResidency": "ID-SG"})})
    assert any(p == "require-valid-residency-settings" and "residency settings are invalid" in m for p, _, m in found)
    assert any(p == "restrict-data-class-region" for p, _, _ in found)


def test_stack_facts_are_built_once_per_identical_stack_and_again_when_anything_differs() -> None:
    from pulumi_policy.policy import (
        PolicyCustomTimeouts,
        PolicyProviderResource,
        PolicyResource,
        PolicyResourceOptions,
    )

    from residency.pack.build import stack_facts

    def stack(cls: str) -> list[PolicyResource]:
        provider = PolicyProviderResource(
            "pulumi:providers:aws", unknown_checking_proxy({"region": "ap-southeast-1"}), SIN.urn, "sin"
        )
        props = unknown_checking_proxy({"bucket": "b", "tags": {"data-class": cls}})
        opts = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])
        return [PolicyResource("aws:s3/bucket:Bucket", props, "urn:b", "b", opts, provider, None, [], {})]

    first = stack_facts(stack("customer-pii"), {}, {})
    assert stack_facts(stack("customer-pii"), {}, {}) is first  # each policy's own copy of the same stack
    relabelled = stack_facts(stack("analytics"), {}, {})
    assert relabelled is not first and relabelled[0].data_class is not None
    assert relabelled[0].data_class.value == "analytics"
    assert stack_facts(stack("analytics"), {"aws:region": "us-east-1"}, {}) is not relabelled


def test_the_sdks_copy_of_a_stack_is_compared_exactly_with_the_converted_one() -> None:
    from pulumi_policy.proxy import unknown_checking_proxy

    from residency.pack.unchanged import same_value

    converted = {"tags": {"data-class": "customer-pii"}, "size": 1, "rules": [{"on": True}]}
    assert same_value(
        unknown_checking_proxy({"tags": {"data-class": "customer-pii"}, "size": 1, "rules": [{"on": True}]}), converted
    )
    for changed in (
        {"tags": {"data-class": "analytics"}, "size": 1, "rules": [{"on": True}]},
        {"tags": {"data-class": "customer-pii"}, "size": 1.0, "rules": [{"on": True}]},  # 1 == 1.0, not the same
        {"tags": {"data-class": "customer-pii"}, "size": 1, "rules": [{"on": 1}]},
        {"tags": {"data-class": "customer-pii"}, "size": 1, "rules": []},
        {"tags": {"data-class": "customer-pii"}, "size": 1, "rules": [{"on": True}], "extra": None},
    ):
        assert not same_value(unknown_checking_proxy(changed), converted), changed
