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
