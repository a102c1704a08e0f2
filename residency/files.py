"""Write a file so that a reader never sees half of it: the plan, the state, and every --out report."""

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from residency.model.errors import ResidencyConfigError


class OutputError(ResidencyConfigError):
    """An output file cannot be written; raised before the work when possible, never leaving debris."""

    def __init__(self, path: Path, exc: OSError | str) -> None:
        reason = exc if isinstance(exc, str) else (exc.strerror or str(exc))
        super().__init__(str(path), f"cannot be written: {reason}")


def _refuse_non_regular(path: Path) -> None:
    """A device, FIFO or socket at the target would be replaced by the rename (or block the writer): refuse it."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # absent, or a file in the way of its directory: check_writable names that file
    except OSError as exc:
        raise OutputError(path, exc) from None
    if stat.S_ISDIR(mode):
        raise OutputError(path, "it is a directory")
    if not stat.S_ISREG(mode):
        raise OutputError(path, "it exists and is not a regular file (a device, FIFO or socket); allowed: a file path")


def _existing_ancestor(directory: Path) -> Path:
    """The nearest directory of `directory` that exists; a file in the way is refused by the caller's probe."""
    current = directory
    while not current.exists() and current != current.parent:
        current = current.parent
    return current


def check_writable(path: Path) -> None:
    """Before any work: the target is absent or a regular file, and a file can be created (and removed) where it
    goes. Missing parent directories are not created here (a failed run leaves nothing behind): the probe goes in
    the nearest existing one."""
    _refuse_non_regular(path)
    probe_dir = _existing_ancestor(path.parent)
    if not probe_dir.is_dir():
        raise OutputError(path, f"{probe_dir} is not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=probe_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(path, exc) from None
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(path, "the file is read-only")


def _make_parents(directory: Path) -> list[Path]:
    """Create the missing directories above an output, returning those created (deepest first) for cleanup."""
    missing: list[Path] = []
    current = directory
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for created, folder in enumerate(reversed(missing)):
        try:
            folder.mkdir()
        except FileExistsError:
            if not folder.is_dir():
                _remove_dirs(missing[len(missing) - created :])
                raise
        except OSError:
            _remove_dirs(missing[len(missing) - created :])
            raise
    return missing


def _remove_dirs(created: list[Path]) -> None:
    for folder in created:
        with contextlib.suppress(OSError):
            folder.rmdir()


def write_atomically(path: Path, text: str) -> None:
    """A unique temporary name per writer (concurrent runs never collide), removed on every error path, with the
    parent directories this call created."""
    _refuse_non_regular(path)
    try:
        created = _make_parents(path.parent)
    except OSError as exc:
        raise OutputError(path, exc) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        _remove_dirs(created)
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
        _remove_dirs(created)
        raise OutputError(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _remove_dirs(created)
        raise


def check_distinct(outputs: Mapping[str, Path]) -> None:
    """Every output of one run goes to its own file: two to the same path (or two names of one file) would leave
    only the last written, e.g. a JSON report where the upload step expects SARIF."""
    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        real = Path(os.path.realpath(path))
        if real in seen:
            raise ResidencyConfigError(
                option, f"writes {path}, which {seen[real]} writes too; allowed: a separate file for each output"
            )
        seen[real] = option
