"""The one error type bad input turns into: a single line that names the key and what is allowed."""

import json


def _one_line(text: str) -> str:
    """Input echoed back (a key with a newline in it) must not break the one-line contract."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class ResidencyConfigError(ValueError):
    """Raised for invalid configuration; the CLI prints it as one line and exits 2."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{_one_line(key)}: {_one_line(problem)}")


_DATE_ERRORS = ("date_", "datetime_")
_LIST_ERRORS = ("tuple_type", "list_type", "set_type", "frozen_set_type")


def _written(value: object) -> str:
    """A value as YAML/JSON spells it (true, "yes", 1), so the user recognises what they wrote."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def plain_problem(err: dict[str, object], allowed: str | None = None) -> str:
    """A pydantic error as this tool says it: what was given and what is allowed, not the validator's wording."""
    kind, given = str(err.get("type", "")), err.get("input")
    if kind == "missing":
        return "is required"
    if kind.startswith(_DATE_ERRORS):
        return f"{given!r} is not a date; allowed: a date YYYY-MM-DD, e.g. 2026-07-01"
    if kind in _LIST_ERRORS:
        example = f"; allowed values: {allowed}" if allowed else ""
        item = given if isinstance(given, str) else (allowed.split(", ")[0] if allowed else "a")
        return f"must be a list, e.g. [{item}], not {given!r}{example}"
    if kind in ("enum", "literal_error") and allowed:
        return f"{given!r} is not allowed; allowed values: {allowed}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{_written(given)} is not a boolean; allowed: true, false (unquoted)"
    if kind == "string_type":
        return f"{_written(given)} is not text; allowed: a string"
    if kind == "string_unicode":
        return f"{_written(given)} holds a lone surrogate, which is no character; allowed: valid Unicode text"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of key: value, not {given!r}"
    return str(err.get("msg", "is not valid")).removeprefix("Value error, ")
