"""The one error type bad input turns into: a single line that names the key and what is allowed."""


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
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of key: value, not {given!r}"
    return str(err.get("msg", "is not valid")).removeprefix("Value error, ")
