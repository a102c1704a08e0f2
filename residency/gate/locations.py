"""Where a project sits in its repository, and where each config key sits in its stack file.

Reports point findings at `path:line` relative to the repository root, so code scanning and pull-request
annotations land on the file and line the change touched, whatever directory the gate was run from.
"""

from pathlib import Path

import yaml


def repository_root(start: Path) -> Path | None:
    for directory in (start.resolve(), *start.resolve().parents):
        if (directory / ".git").exists():
            return directory
    return None


def project_dir_in_repository(directory: Path) -> str:
    root = repository_root(directory)
    if root is None:
        return ""
    relative = directory.resolve().relative_to(root).as_posix()
    return "" if relative == "." else relative


def config_key_lines(stack_file: Path) -> dict[str, int]:
    """1-based line of each key under `config:`; a file YAML cannot compose gives none (findings then use line 1)."""
    try:
        node = yaml.compose(stack_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    for key, value in node.value:
        if key.value == "config" and isinstance(value, yaml.MappingNode):
            return {str(k.value): k.start_mark.line + 1 for k, _ in value.value}
    return {}
