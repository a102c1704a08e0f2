"""Org settings for an audit: `--stack S` (Pulumi.S.yaml), `--settings FILE`, or else the strictest posture."""

from pathlib import Path
from typing import Any

import yaml

from residency.model.clock import today
from residency.model.errors import ResidencyConfigError
from residency.model.posture import Posture
from residency.model.stack_settings import COLLECTIONS_KEY, ORG_KEY, StackSettings, load_stack_settings


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text())
    except FileNotFoundError:
        raise ResidencyConfigError(str(path), "file not found") from None
    except yaml.YAMLError:
        raise ResidencyConfigError(str(path), "is not valid YAML or JSON") from None


def audit_posture(stack: str | None, settings_file: Path | None, cwd: Path = Path(".")) -> tuple[Posture, str]:
    if stack and settings_file:
        raise ResidencyConfigError("--stack/--settings", "give one of them, not both")
    if stack:
        doc = _read(cwd / f"Pulumi.{stack}.yaml")
        config = (doc or {}).get("config") or {}
        source = f"Pulumi.{stack}.yaml"
    elif settings_file:
        doc = _read(settings_file) or {}
        if not isinstance(doc, dict):
            raise ResidencyConfigError(str(settings_file), "must be an object with keys org and collections")
        config = {
            ORG_KEY: doc.get("org", doc.get(ORG_KEY)),
            COLLECTIONS_KEY: doc.get("collections", doc.get(COLLECTIONS_KEY)),
        }
        source = str(settings_file)
    else:
        return Posture(StackSettings(), today()), "no settings given: strictest posture (ID-only)"
    settings = load_stack_settings({k: v for k, v in config.items() if v is not None}, today())
    return Posture(settings, today()), f"settings from {source}"
