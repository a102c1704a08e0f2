"""Does a policy statement's Condition narrow who may use it, or only how?

`"Principal": "*"` with `aws:SecureTransport` or `aws:CurrentTime` still lets every AWS account in the world read
the store; only a condition that names the caller or its source (an account, an organisation, an ARN, a network)
narrows the audience. Negated and `...IfExists` operators pass when the key is absent or different, `ForAllValues`
passes on an empty set, and a wildcard-only value matches anyone: none of these narrow. A key or operator not
listed here is read as not narrowing (fail closed).
"""

from typing import Any

from residency.facts.values import as_list, is_unknown

NARROWING_KEYS = frozenset(
    {
        "aws:sourceaccount",
        "aws:sourcearn",
        "aws:sourceowner",
        "aws:sourceorgid",
        "aws:sourceorgpaths",
        "aws:principalaccount",
        "aws:principalarn",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:sourceip",
        "aws:userid",
    }
)
NARROWING_OPERATORS = frozenset(
    {"StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "IpAddress"}
)


def _specific(value: Any, operator: str) -> bool | None:
    """A value that names someone (None: unknown during preview)."""
    values = as_list(value)
    if not values:
        return False
    if any(is_unknown(v) for v in values):
        return None
    for v in values:
        if not isinstance(v, str) or not v.strip("*?"):
            return False
        if operator.endswith("Like") and v.startswith("arn:") and "*" in (v.split(":") + [""] * 5)[4]:
            return False  # any account's resource of that kind
        if operator == "IpAddress" and v.endswith("/0"):
            return False
    return True


def narrows(condition: Any) -> bool | None:
    """True when some clause restricts the caller to named ones; None when that depends on a value unknown during
    preview; False otherwise."""
    if not isinstance(condition, dict):
        return False
    unknown = False
    for operator, clause in condition.items():
        op = str(operator)
        qualifier, _, base = op.rpartition(":")
        if qualifier not in ("", "ForAnyValue") or base not in NARROWING_OPERATORS or not isinstance(clause, dict):
            continue
        for key, value in clause.items():
            if str(key).lower() not in NARROWING_KEYS:
                continue
            specific = _specific(value, base)
            if specific:
                return True
            unknown = unknown or specific is None
    return None if unknown else False
