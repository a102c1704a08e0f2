"""Does a policy statement's Condition narrow who may use it, or only how?

`"Principal": "*"` with `aws:SecureTransport` or `aws:CurrentTime` still lets every AWS account in the world read
the store; only a condition that names the caller or its source (an account, an organisation, an ARN, a network)
narrows the audience. Negated and `...IfExists` operators pass when the key is absent or different, `ForAllValues`
passes on an empty set, and a wildcard-only value matches anyone: none of these narrow. A key or operator not
listed here is read as not narrowing (fail closed).
"""

import re
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
ACCOUNT_ID = re.compile(r"\d{12}")
ORG_ID = re.compile(r"o-[a-z0-9]{10,32}/")
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
        if operator.endswith("Like") and ("*" in v or "?" in v) and not _owner_fixed(v):
            return False  # "arn:aws:s3:::kyc-*" or "o-*": anyone can make a matching bucket or name
        if operator == "IpAddress" and v.endswith("/0"):
            return False
    return True


def _owner_fixed(pattern: str) -> bool:
    """A wildcard pattern still names one owner when the text before its first wildcard fixes an account id (an
    ARN's account field) or an organisation id."""
    fixed = re.split(r"[*?]", pattern, maxsplit=1)[0]
    if fixed.startswith("arn:"):
        parts = fixed.split(":")
        return len(parts) > 5 and bool(ACCOUNT_ID.fullmatch(parts[4]))
    return bool(ORG_ID.match(fixed))


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
