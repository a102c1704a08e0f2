"""Read a YAML or JSON input into plain data, or fail with one line naming the file: never a traceback."""

import datetime
import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from residency.model.errors import ResidencyConfigError

MAX_BYTES = 64 * 1024 * 1024


class UnreadableFileError(ResidencyConfigError):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(str(path), problem)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A regular file of at most `limit` (MAX_BYTES) bytes, never blocking: a FIFO or a device is refused."""
    limit = MAX_BYTES if limit is None else limit
    try:
        if path.is_dir():
            raise UnreadableFileError(path, "is a directory, not a file")
        # O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError(path, "cannot be read (a symlink to a file that does not exist)") from None
        raise UnreadableFileError(path, "file not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFileError(path, "cannot be read (a symlink loop)") from None
        raise UnreadableFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFileError(path, f"is {_kind(mode)}, not a regular file; allowed: a regular file")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnreadableFileError(path, f"is larger than {limit // (1024 * 1024)} MiB")
    return data


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(path, f"is not UTF-8 text (byte {exc.start})") from None


def plain(value: Any) -> Any:
    """YAML turns an unquoted 2026-07-01 into a date; the engine passes it on as the text it was written as."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


MAX_ALIAS_NODES = 10_000
"""How many nodes YAML aliases may add when expanded: anchors for a few shared values, never an alias bomb."""


def _key_text(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else f"<{type(node).__name__}>"


def _check_nodes(path: Path, root: yaml.Node) -> None:
    """Refuse duplicate keys (the Pulumi CLI does) and aliases that expand beyond MAX_ALIAS_NODES, before anything
    is constructed: expanded sizes are computed once per node, so a billion laughs costs one pass."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    distinct = 0

    def size(node: yaml.Node, where: str) -> int:
        nonlocal distinct
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in open_nodes:
            raise UnreadableFileError(path, f"{where}: is a YAML alias of itself (a recursive structure)")
        open_nodes.add(id(node))
        distinct += 1
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                total += size(item, f"{where}[{index}]")
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = _key_text(key_node)
                here = f"{where}.{key}" if where else key
                if key_node.tag != "tag:yaml.org,2002:merge":
                    line = key_node.start_mark.line + 1
                    if key in seen:
                        raise UnreadableFileError(
                            path, f"{here}: duplicate key (lines {seen[key]} and {line}); give each key once"
                        )
                    seen[key] = line
                total += size(key_node, here) + size(value_node, here)
        open_nodes.discard(id(node))
        sizes[id(node)] = total
        if total - distinct > MAX_ALIAS_NODES:
            raise UnreadableFileError(
                path,
                f"{where or 'document'}: YAML aliases expand to more than {MAX_ALIAS_NODES} extra nodes "
                "(an alias bomb?); allowed: anchors and aliases of small values, or none",
            )
        return total

    size(root, "")


class _Loader(yaml.SafeLoader):
    """SafeLoader, except that a timestamp that is no real date (2026-02-29, 2026-13-01) stays the text it was
    written as: PyYAML raises a bare ValueError while building the document, and the key's own check (a date field)
    then names the key and the allowed form instead."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def parse_yaml(text: str, origin: Path) -> Any:
    """YAML text as plain data, duplicate keys and alias bombs refused before anything is built; errors name
    `origin` (the file, or what the text stands for)."""
    try:
        # The loader checks every character when built: a NUL or other control character is a ReaderError here.
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise UnreadableFileError(
            origin,
            f"is not valid YAML: character #x{exc.character:04x} at position {exc.position} is a control character; "
            "allowed: printable text (tab, newline and carriage return are the only controls)",
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(origin, node)
        return plain(loader.construct_document(node))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise UnreadableFileError(origin, f"is not valid YAML{where}") from None
    except RecursionError:
        raise UnreadableFileError(origin, "is nested too deeply to be a config file") from None
    finally:
        loader.dispose()


def read_yaml(path: Path) -> Any:
    return parse_yaml(read_text(path), path)


class _ConstantError(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _ConstantError(name)


class _DuplicateKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON allows a key twice and Python keeps the last: `{"all": "mandatory", "all": "disabled"}` would read as
    the value a reviewer does not see first. Refused, as duplicate YAML keys are."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
"""A \\u escape of half a UTF-16 pair with no other half: valid JSON syntax, but no Unicode character."""


def read_json(path: Path) -> Any:
    text = read_text(path)
    lone = _LONE_SURROGATE.search(text)
    if lone:
        raise UnreadableFileError(
            path, f"has a lone surrogate escape ({lone.group(0)}), which is no character; allowed: valid Unicode text"
        )
    try:
        return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise UnreadableFileError(path, f"is not JSON (line {exc.lineno}: {exc.msg})") from None
    except _DuplicateKeyError as exc:
        raise UnreadableFileError(
            path, f"has the key {exc.args[0]!r} twice in one object; allowed: each key once"
        ) from None
    except _ConstantError as exc:
        raise UnreadableFileError(
            path, f"is not JSON: {exc.args[0]} is not a JSON number; allowed: finite numbers"
        ) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        if "digits" not in str(exc):
            raise
        raise UnreadableFileError(path, "has an integer of more than 4300 digits; allowed: numbers that fit") from None
    except RecursionError:
        raise UnreadableFileError(path, "is nested too deeply to be a Pulumi or residency file") from None
