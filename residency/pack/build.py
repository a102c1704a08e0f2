"""Thin CrossGuard adapter: wraps each residency rule in a Resource- or StackValidationPolicy."""

import json
import os
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, cast

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyPack,
    PolicyProviderResource,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.policy import Policy, _PolicyAnalyzerServicer
from pulumi_policy.proxy import _DictProxy, _ListProxy

from residency.facts.builder import base_facts, build_facts
from residency.facts.resource import ProviderInput, ResourceFacts, ResourceInput
from residency.model.clock import today
from residency.model.data_classes import DataClass, parse_data_class
from residency.model.findings import Finding, Level
from residency.pack import CONFIG_FILE_ENV
from residency.pack.unchanged import same_stack
from residency.rules import EXCEPTIONS_POLICY, RULES, evaluate, judge
from residency.rules.base import Rule, RuleContext
from residency.rules.context import rule_context

PACK_NAME = "kyc-data-residency"
ACCEPTED_SCC_KEY = "acceptedSccReferences"
KNOWN_RESOURCES_KEY = "knownResources"
CONFIG_SCHEMA = PolicyConfigSchema(
    properties={
        ACCEPTED_SCC_KEY: {
            "type": "array",
            "items": {"type": "string"},
            "description": "SCC references compliance accepts; any other SCC counts as none.",
        },
        KNOWN_RESOURCES_KEY: {
            "type": "object",
            "additionalProperties": {"type": "string", "enum": [c.value for c in DataClass]},
            "description": (
                "ARN or physical name of a resource outside this stack -> its data class, from a trusted source "
                "(the other stack's plan, `residency preview --out`). Without it, data from outside the stack "
                "counts as the most restricted class."
            ),
        },
    },
)
_LEVELS = {
    Level.MANDATORY: EnforcementLevel.MANDATORY,
    Level.ADVISORY: EnforcementLevel.ADVISORY,
    Level.DISABLED: EnforcementLevel.DISABLED,
}


def plain(value: Any) -> Any:
    """Unwrap the SDK's unknown-checking proxies without touching unknowns, so rules can judge them.

    Exact type checks, not isinstance against the collection ABCs: this runs over every property of every
    resource once per stack policy, and the ABC checks dominated it.
    """
    kind = type(value)
    if kind is str or value is None or kind is bool or kind is int or kind is float:
        return value
    if kind is _DictProxy or kind is dict:
        target = value["__target"] if kind is _DictProxy else value
        return {k: plain(v) for k, v in target.items()}
    if kind is _ListProxy or kind is list:
        target = value["__target"] if kind is _ListProxy else value
        return [plain(v) for v in target]
    if isinstance(value, Mapping | Sequence) and not isinstance(value, str | bytes | bytearray):
        try:
            target = cast(Any, value)["__target"]  # the SDK's proxies hand out what they wrap
        except (KeyError, IndexError, TypeError):
            target = value
        if isinstance(target, Mapping):
            return {k: plain(v) for k, v in target.items()}
        return [plain(v) for v in target]
    return value


@lru_cache(maxsize=16)
def _stack_config(raw: str) -> dict[str, Any]:
    try:
        decoded = json.loads(raw)
    except json.JSONDecodeError:
        return {}
    return decoded if isinstance(decoded, dict) else {}


@lru_cache(maxsize=1)
def _config_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return "{}"


_ENGINE_CONFIG: list[str] = []
"""The stack config the engine last sent in ConfigureStack (newer engines send it there as well as in the
environment); one pack process can then serve several stacks in turn."""


def _capture_stack_config() -> None:
    original = _PolicyAnalyzerServicer.ConfigureStack

    def configure_stack(self: Any, request: Any, context: Any) -> Any:
        _ENGINE_CONFIG[:] = [json.dumps(dict(request.config))]
        return original(self, request, context)

    _PolicyAnalyzerServicer.ConfigureStack = configure_stack  # type: ignore[method-assign,assignment]


def _raw_config() -> str:
    sent = _ENGINE_CONFIG[0] if _ENGINE_CONFIG else None
    if sent is not None and sent != "{}":
        return sent
    raw = os.environ.get("PULUMI_CONFIG")
    if raw:
        return raw
    path = os.environ.get(CONFIG_FILE_ENV)
    return _config_file(path) if path else (sent or "{}")


def stack_config() -> dict[str, Any]:
    """The stack config the engine passes a pack in PULUMI_CONFIG (a JSON object of strings)."""
    return _stack_config(_raw_config())


@lru_cache(maxsize=16)
def _context(raw: str, on: date, refs: frozenset[str] | None) -> RuleContext:
    return rule_context(_stack_config(raw), on, refs)


def context(policy_config: Mapping[str, Any] | None) -> tuple[RuleContext, dict[str, Any]]:
    raw = _raw_config()
    accepted = (policy_config or {}).get(ACCEPTED_SCC_KEY)
    refs = frozenset(str(r) for r in accepted) if isinstance(accepted, list) else None
    return _context(raw, today(), refs), _stack_config(raw)


def known_classes(policy_config: Mapping[str, Any] | None) -> dict[str, DataClass]:
    raw = (policy_config or {}).get(KNOWN_RESOURCES_KEY)
    if not isinstance(raw, Mapping):
        return {}
    parsed = {str(k): parse_data_class(v) for k, v in raw.items()}
    return {k: c for k, c in parsed.items() if c is not None}


def _provider(p: PolicyProviderResource | None) -> ProviderInput | None:
    return ProviderInput(p.resource_type, p.urn, p.name, plain(p.props)) if p is not None else None


def _from_policy_resource(r: PolicyResource) -> ResourceInput:
    return ResourceInput(
        urn=r.urn,
        type=r.resource_type,
        name=r.name,
        props=plain(r.props),
        provider=_provider(r.provider),
        parent=r.parent.urn if r.parent is not None else None,
        dependencies=tuple(d.urn for d in r.dependencies),
        property_dependencies={k: tuple(d.urn for d in v) for k, v in r.property_dependencies.items()},
    )


_LAST_FACTS: list[tuple[Any, list[ResourceInput], list[ResourceFacts]]] = []


def stack_facts(
    resources: Sequence[PolicyResource], config: dict[str, Any], known: dict[str, DataClass]
) -> list[ResourceFacts]:
    """Facts of the stack, built once per AnalyzeStack: the SDK hands each stack policy its own copy of the same
    resources, so the previous policy's facts are reused when the converted inputs compare equal (never guessed)."""
    key = (json.dumps(config, sort_keys=True, default=str), sorted(known.items()), os.environ.get("AWS_REGION"))
    if _LAST_FACTS and _LAST_FACTS[0][0] == key and same_stack(resources, _LAST_FACTS[0][1]):
        return _LAST_FACTS[0][2]
    inputs = [_from_policy_resource(r) for r in resources]
    facts = build_facts(inputs, config, os.environ, known)
    _LAST_FACTS[:] = [(key, inputs, facts)]
    return facts


def _metadata(rule: Rule) -> dict[str, Any]:
    meta = rule.meta
    return {
        "display_name": meta.title,
        "enforcement_level": _LEVELS[meta.level],
        "config_schema": CONFIG_SCHEMA,
        "severity": Severity(meta.severity.value),
        "remediation_steps": meta.remediation,
        "tags": [r.value for r in meta.regulations] + [c.value for c in meta.protects],
    }


def _resource_policy(rule: Rule) -> ResourceValidationPolicy:
    check = rule.check
    assert check is not None

    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        ctx, config = context(args.get_config())
        res = ResourceInput(args.urn, args.resource_type, args.name, plain(args.props), _provider(args.provider))
        facts = base_facts(res, config, os.environ)
        for message in check(facts, ctx):
            finding = judge(rule, res.urn, message, facts, ctx)
            if finding.waiver is None:  # waived findings are shown by the residency-exceptions policy
                report(finding.message, None)

    return ResourceValidationPolicy(rule.name, rule.meta.description, validate=validate, **_metadata(rule))


def _stack_policy(rule: Rule) -> StackValidationPolicy:
    check_stack = rule.check_stack
    assert check_stack is not None

    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        ctx, config = context(args.get_config())
        facts = stack_facts(args.resources, config, known_classes(args.get_config()))
        by_urn = {f.urn: f for f in facts}
        for urn, message in rule.run(facts, ctx):
            finding = judge(rule, urn, message, by_urn.get(urn) if urn else None, ctx)
            if finding.waiver is None:
                report(finding.message, urn)

    return StackValidationPolicy(rule.name, rule.meta.description, validate=validate, **_metadata(rule))


def waived_line(finding: Finding) -> str:
    """How the pack shows a waived finding; the gate reads the policy and the exception back from it."""
    assert finding.waiver is not None
    entry = finding.waiver.entry
    return f"waived {finding.policy} by {finding.waiver.key}: {finding.message}\n({entry.describe()})"


def _exceptions_policy() -> StackValidationPolicy:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        ctx, config = context(args.get_config())
        if not ctx.exceptions:
            return
        facts = stack_facts(args.resources, config, known_classes(args.get_config()))
        for finding in evaluate(facts, ctx):
            if finding.waiver is not None:
                report(waived_line(finding), finding.urn)
            elif finding.policy == EXCEPTIONS_POLICY:
                report(finding.message, None)

    return StackValidationPolicy(
        EXCEPTIONS_POLICY,
        "Findings waived by residency:exceptions, and exceptions that match nothing (stale).",
        validate=validate,
        enforcement_level=EnforcementLevel.ADVISORY,
        config_schema=CONFIG_SCHEMA,
    )


def policies() -> list[Policy]:
    rules = [_resource_policy(r) if r.check is not None else _stack_policy(r) for r in RULES]
    return [*rules, _exceptions_policy()]


def build_pack() -> None:
    _capture_stack_config()
    PolicyPack(
        name=PACK_NAME,
        policies=policies(),
        enforcement_level=EnforcementLevel.MANDATORY,
        description="Customer data stays in Indonesia; cross-border copies need ID-SG and an SCC.",
    )
