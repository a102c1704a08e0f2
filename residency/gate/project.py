"""Read Pulumi.yaml and Pulumi.<stack>.yaml the way the CLI does, into the config map a program sees."""

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from residency.model.errors import ResidencyConfigError
from residency.reading import read_yaml

SECRET_PLACEHOLDER = "[secret]"


class ProjectError(ResidencyConfigError):
    """A project or stack file is missing or malformed."""


@dataclass(frozen=True)
class Project:
    name: str
    directory: Path
    program_dir: Path
    main_file: str
    stack: str
    config: dict[str, Any] = field(default_factory=dict)
    secret_keys: tuple[str, ...] = ()
    stack_file: Path | None = None

    def engine_config(self) -> dict[str, str]:
        """Config as the engine hands it to programs and packs: strings, objects as JSON."""
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in self.config.items()}


def _read_yaml(path: Path) -> Any:
    doc = read_yaml(path)
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ProjectError(str(path), f"must be a YAML mapping, not a {type(doc).__name__}")
    return doc


def _full_key(project: str, key: str) -> str:
    return key if ":" in key else f"{project}:{key}"


def _project_defaults(project: str, declared: Any, path: Path) -> tuple[dict[str, Any], set[str]]:
    defaults: dict[str, Any] = {}
    required: set[str] = set()
    if not isinstance(declared, dict):
        return defaults, required
    for key, spec in declared.items():
        full = _full_key(project, key)
        if isinstance(spec, dict) and ("default" in spec or "value" in spec):
            defaults[full] = spec.get("default", spec.get("value"))
        elif isinstance(spec, dict):
            required.add(full)
        else:
            defaults[full] = spec
    return defaults, required


PROJECT_FILES = ("Pulumi.yaml", "Pulumi.yml")


def find_project_file(cwd: Path) -> Path:
    """Like the CLI: the nearest Pulumi.yaml in this directory or any parent."""
    start = cwd.resolve()
    if not start.is_dir():
        raise ProjectError(str(cwd), "is not a directory")
    for directory in (start, *start.parents):
        for name in PROJECT_FILES:
            if (directory / name).is_file():
                return directory / name
    raise ProjectError(str(start / "Pulumi.yaml"), "file not found here or in any parent directory")


def _text_key(project_file: Path, meta: Any, key: str) -> str | None:
    """A Pulumi.yaml key that names a path (`main`, `stackConfigDir`): text or absent. A number or a list there
    would be joined to a path (a TypeError, or a directory named "['a']") instead of being refused."""
    value = meta.get(key) if isinstance(meta, dict) else None
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProjectError(f"{project_file}: {key}", f"{value!r} is not a path; allowed: a relative path as text")
    return value


def _config_dir(project_file: Path, meta: Any) -> Path:
    return project_file.parent / (_text_key(project_file, meta, "stackConfigDir") or ".")


def list_stacks(cwd: Path) -> list[str]:
    """Every stack with a Pulumi.<stack>.yaml next to the project (or in its stackConfigDir), sorted."""
    project_file = find_project_file(cwd)
    config_dir = _config_dir(project_file, _read_yaml(project_file))
    names = {p.name[len("Pulumi.") : -len(".yaml")] for p in config_dir.glob("Pulumi.*.yaml")}
    return sorted(names)


def _refuse_near_miss(key: str, project: str, declared: set[str], stack_file: Path) -> None:
    """A key in the project's own namespace that is one typo away from a declared key is a typo, not a new key."""
    if not key.startswith(f"{project}:") or key in declared or not declared:
        return
    close = difflib.get_close_matches(key, sorted(declared), n=1, cutoff=0.8)
    if close:
        raise ProjectError(
            f"{stack_file}: {key}",
            f"is not a config key of project {project}; did you mean {close[0]}? "
            f"(declared: {', '.join(sorted(declared))})",
        )


def _refuse_environments(stack_doc: Any, stack_file: Path) -> None:
    """A stack that imports Pulumi ESC environments gets config the offline gate cannot open (aws:region,
    aws:endpoints, aws:defaultTags, kubernetes:*, residency:*): judging without it would be judging another stack,
    and a missing aws:region would even fall back to $AWS_REGION. Refuse, naming the environments and the way out."""
    imports = stack_doc.get("environment") if isinstance(stack_doc, dict) else None
    if isinstance(imports, dict):
        imports = imports.get("imports")
    names = [str(n) for n in imports] if isinstance(imports, list) else ([str(imports)] if imports else [])
    if not names:
        return
    raise ProjectError(
        f"{stack_file}: environment",
        f"imports Pulumi ESC environment(s) {', '.join(names)}, which the offline gate cannot open, so the config "
        f"they set (aws:region, aws:endpoints, aws:defaultTags, kubernetes:*, residency:*) would be missing from the "
        f"verdict; write the keys this stack needs into {stack_file.name} (pulumi env open {names[0]} shows them)",
    )


def load_project(cwd: Path, stack: str) -> Project:
    project_file = find_project_file(cwd)
    cwd = project_file.parent
    meta = _read_yaml(project_file)
    name = meta.get("name") if isinstance(meta, dict) else None
    if not isinstance(name, str) or not name:
        raise ProjectError(str(project_file), "has no project name (key 'name')")
    runtime = meta.get("runtime")
    runtime_name = runtime.get("name") if isinstance(runtime, dict) else runtime
    if runtime_name != "python":
        raise ProjectError(f"{project_file}: runtime", f"{runtime_name!r} is not supported offline; allowed: python")
    main = _text_key(project_file, meta, "main") or "."
    if meta.get("config") is not None and not isinstance(meta.get("config"), dict):
        raise ProjectError(f"{project_file}: config", "must be a mapping of key: {type, default} or key: value")
    target = (cwd / main).resolve()
    program_dir, main_file = (target, "__main__.py") if target.is_dir() else (target.parent, target.name)
    if not (program_dir / main_file).exists():
        raise ProjectError(str(program_dir / main_file), "program entry point not found")

    config_dir = _config_dir(project_file, meta)
    stack_file = config_dir / f"Pulumi.{stack}.yaml"
    if not stack_file.exists() and not stack_file.is_symlink():  # a broken link is read, and says why
        known = sorted(p.name[len("Pulumi.") : -len(".yaml")] for p in config_dir.glob("Pulumi.*.yaml"))
        allowed = f"stacks with a Pulumi.<stack>.yaml here: {', '.join(known)}" if known else "no stack has one yet"
        raise ProjectError(
            str(stack_file), f"no config for stack {stack!r}; {allowed} (create one with pulumi stack init {stack})"
        )
    stack_doc = _read_yaml(stack_file)
    _refuse_environments(stack_doc, stack_file)
    defaults, required = _project_defaults(name, meta.get("config"), project_file)
    config: dict[str, Any] = dict(defaults)
    secret_keys: list[str] = []
    raw_config = stack_doc.get("config")
    if raw_config is not None and not isinstance(raw_config, dict):
        raise ProjectError(
            f"{stack_file}: config", f"must be a mapping of key: value, not a {type(raw_config).__name__}"
        )
    declared = (
        {_full_key(name, str(k)) for k in meta.get("config") or {}} if isinstance(meta.get("config"), dict) else set()
    )
    for key, value in (raw_config or {}).items():
        full = _full_key(name, str(key))
        _refuse_near_miss(full, name, declared, stack_file)
        if isinstance(value, dict) and set(value) == {"secure"}:
            config[full] = SECRET_PLACEHOLDER
            secret_keys.append(full)
        else:
            config[full] = value
    missing = sorted(required - set(config))
    if missing:
        raise ProjectError(
            str(stack_file),
            f"stack {stack!r} is missing configuration value {missing[0]!r} "
            f"(set it with: pulumi config set {missing[0]} VALUE --stack {stack})",
        )
    return Project(name, cwd, program_dir, main_file, stack, config, tuple(secret_keys), stack_file)
