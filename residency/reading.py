"""Read a YAML or JSON input into plain data, or fail with one line naming the file: never a traceback."""

import datetime
import json
from pathlib import Path
from typing import Any

import yaml

from residency.model.errors import ResidencyConfigError

MAX_BYTES = 64 * 1024 * 1024


class UnreadableFileError(ResidencyConfigError):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(str(path), problem)


def read_text(path: Path) -> str:
    try:
        if path.is_dir():
            raise UnreadableFileError(path, "is a directory, not a file")
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableFileError(path, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnreadableFileError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(path, f"is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({exc.strerror or exc})") from None


def plain(value: Any) -> Any:
    """YAML turns an unquoted 2026-07-01 into a date; the engine passes it on as the text it was written as."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        return plain(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise UnreadableFileError(path, f"is not valid YAML{where}") from None
    except RecursionError:
        raise UnreadableFileError(path, "is nested too deeply to be a config file") from None


def read_json(path: Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFileError(path, f"is not JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise UnreadableFileError(path, "is nested too deeply to be a Pulumi or residency file") from None
