"""Baseline pack: the residency pack's policy names and kinds, with validators that do nothing."""

from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy, StackValidationPolicy
from pulumi_policy.policy import Policy

from residency.rules import EXCEPTIONS_POLICY, RULES


def _noop(args: object, report: object) -> None:
    return None


POLICIES: list[Policy] = [
    ResourceValidationPolicy(name=r.name, description=r.meta.description, validate=_noop)
    if r.check is not None
    else StackValidationPolicy(name=r.name, description=r.meta.description, validate=_noop)
    for r in RULES
]
# the residency pack's own stack policy for waived findings: the SDK deserialises the stack for it too
POLICIES.append(StackValidationPolicy(name=EXCEPTIONS_POLICY, description="waived findings", validate=_noop))

PolicyPack(name="noop-baseline", enforcement_level=EnforcementLevel.MANDATORY, policies=POLICIES)
