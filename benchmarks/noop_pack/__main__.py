"""Baseline pack: the residency pack's policy names and kinds, with validators that do nothing."""

from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy, StackValidationPolicy

from residency.rules import RULES


def _noop(args: object, report: object) -> None:
    return None


PolicyPack(
    name="noop-baseline",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=[
        ResourceValidationPolicy(name=r.name, description=r.meta.description, validate=_noop)
        if r.check is not None
        else StackValidationPolicy(name=r.name, description=r.meta.description, validate=_noop)
        for r in RULES
    ],
)
