"""Is a stack policy's copy of the resources the same stack the previous policy's facts were built from?

The SDK deserialises the stack again for every stack policy. Converting each copy to plain values only to compare
them allocated the whole stack once per policy; walking the SDK's proxies against the converted inputs instead
stops at the first difference and allocates nothing. Exact: a value of another type counts as a difference, and a
difference only costs a rebuild.
"""

from collections.abc import Sequence
from typing import Any

from pulumi_policy import PolicyProviderResource, PolicyResource
from pulumi_policy.proxy import _DictProxy, _ListProxy

from residency.facts.resource import ProviderInput, ResourceInput

_SCALARS = (str, bool, int, float, type(None))


def same_value(value: Any, converted: Any) -> bool:
    """Does `value` (the SDK's proxies or plain values) convert to exactly `converted`?"""
    kind = type(value)
    if kind in _SCALARS:
        return type(converted) is kind and value == converted
    if kind is _DictProxy or kind is dict:
        target = value["__target"] if kind is _DictProxy else value
        if type(converted) is not dict or len(converted) != len(target):
            return False
        return all(key in converted and same_value(item, converted[key]) for key, item in target.items())
    if kind is _ListProxy or kind is list:
        target = value["__target"] if kind is _ListProxy else value
        if type(converted) is not list or len(converted) != len(target):
            return False
        return all(same_value(a, b) for a, b in zip(target, converted, strict=True))
    return False  # anything else is converted afresh: never assumed equal


def _same_provider(p: PolicyProviderResource | None, converted: ProviderInput | None) -> bool:
    if p is None or converted is None:
        return p is None and converted is None
    return (
        p.urn == converted.urn
        and p.resource_type == converted.type
        and p.name == converted.name
        and same_value(p.props, converted.props)
    )


def same_resource(r: PolicyResource, converted: ResourceInput) -> bool:
    return (
        r.urn == converted.urn
        and r.resource_type == converted.type
        and r.name == converted.name
        and (r.parent.urn if r.parent is not None else None) == converted.parent
        and tuple(d.urn for d in r.dependencies) == converted.dependencies
        and {k: tuple(d.urn for d in v) for k, v in r.property_dependencies.items()} == converted.property_dependencies
        and _same_provider(r.provider, converted.provider)
        and same_value(r.props, converted.props)
    )


def same_stack(resources: Sequence[PolicyResource], converted: Sequence[ResourceInput]) -> bool:
    return len(resources) == len(converted) and all(
        same_resource(r, c) for r, c in zip(resources, converted, strict=True)
    )
