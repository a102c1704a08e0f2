"""Org settings for an audit: `--stack S` (Pulumi.S.yaml), `--settings FILE`, or else the strictest posture."""

import difflib
from pathlib import Path
from typing import Any

from residency.model.clock import today
from residency.model.errors import ResidencyConfigError
from residency.model.exceptions import EXCEPTIONS_KEY, load_exceptions
from residency.model.posture import Posture
from residency.model.stack_settings import COLLECTIONS_KEY, ORG_KEY, StackSettings, load_stack_settings
from residency.reading import read_yaml
from residency.rules.base import RuleContext
from residency.rules.context import POLICY_NAMES


def _read(path: Path) -> Any:
    return read_yaml(path)


SETTINGS_KEYS = {"org": ORG_KEY, "collections": COLLECTIONS_KEY, "exceptions": EXCEPTIONS_KEY}


def _settings_config(path: Path, doc: dict[Any, Any]) -> dict[str, Any]:
    """`org`/`collections`/`exceptions` (or their residency: names), each once; anything else is a typo."""
    allowed = [*SETTINGS_KEYS, *SETTINGS_KEYS.values()]
    for key in doc:
        if str(key) not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            raise ResidencyConfigError(f"{path}: {key}", f"unknown key; {hint}allowed keys: {', '.join(allowed)}")
    config = {}
    for short, full in SETTINGS_KEYS.items():
        if short in doc and full in doc:
            raise ResidencyConfigError(f"{path}: {short}", f"is given both as {short} and {full}; give one of them")
        config[full] = doc.get(short, doc.get(full))
    return config


def audit_posture(stack: str | None, settings_file: Path | None, cwd: Path = Path(".")) -> tuple[RuleContext, str]:
    """The audit's settings and exceptions; invalid ones are bad input to the command (exit 2), never a fallback."""
    if stack and settings_file:
        raise ResidencyConfigError("--stack/--settings", "give one of them, not both")
    if stack:
        path = cwd / f"Pulumi.{stack}.yaml"
        doc = _read(path)
        # Only an absent document or key means "no settings": [] or false is a wrong type, not an empty mapping.
        config = (doc if isinstance(doc, dict) else {}).get("config")
        config = {} if config is None else config
        if not isinstance(doc, dict | None) or not isinstance(config, dict):
            raise ResidencyConfigError(str(path), "must be a mapping with a config: mapping")
        source = f"Pulumi.{stack}.yaml"
    elif settings_file:
        doc = _read(settings_file)
        doc = {} if doc is None else doc  # an empty file is no settings; [], 0, "" or false are the wrong type
        if not isinstance(doc, dict):
            raise ResidencyConfigError(str(settings_file), "must be an object with keys org and collections")
        config = _settings_config(settings_file, doc)
        source = str(settings_file)
    else:
        return RuleContext(Posture(StackSettings(), today())), "no settings given: strictest posture (ID-only)"
    given = {k: v for k, v in config.items() if v is not None}
    settings = load_stack_settings(given, today())
    entries = load_exceptions(given, today(), POLICY_NAMES)
    return RuleContext(Posture(settings, today()), exceptions=entries), f"settings from {source}"
