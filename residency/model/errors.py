"""The one error type bad input turns into: a single line that names the key and what is allowed."""


class ResidencyConfigError(ValueError):
    """Raised for invalid configuration; the CLI prints it as one line and exits 2."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{key}: {problem}")
