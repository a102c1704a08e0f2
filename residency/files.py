"""Write a file so that a reader never sees half of it: the plan, the state, and every --out report."""

import contextlib
import os
import tempfile
from pathlib import Path

from residency.model.errors import ResidencyConfigError


class OutputError(ResidencyConfigError):
    """An output file cannot be written; raised before the work when possible, never leaving debris."""

    def __init__(self, path: Path, exc: OSError | str) -> None:
        reason = exc if isinstance(exc, str) else (exc.strerror or str(exc))
        super().__init__(str(path), f"cannot be written: {reason}")


def check_writable(path: Path) -> None:
    """Before any work: the target is not a directory and a file can be created (and removed) beside it."""
    if path.is_dir():
        raise OutputError(path, "it is a directory")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(path, exc) from None
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(path, "the file is read-only")


def write_atomically(path: Path, text: str) -> None:
    """A unique temporary name per writer (concurrent runs never collide), removed on every error path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
