"""One organisation, one posture: stacks previewed together must carry the same `residency:org` and collections.

Each stack file holds its own copy of the org settings; if they differ, one stack may plan a copy the other
stack's own settings forbid and both pass. A collection may narrow the org (that is part of the shared settings),
but the stacks must agree on the settings themselves.
"""

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from residency.facts.values import reveal
from residency.gate.project import Project
from residency.model.findings import Finding, Level
from residency.model.settings import Collection, OrgSettings

POLICY = "one-org-posture"
KEYS = ("residency:org", "residency:collections")


def _first_difference(a: Any, b: Any, path: str) -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            found = _first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else path


def _normalised(key: str, raw: Any) -> Any:
    """Defaults filled in and collections keyed by name, so spelling a default out or reordering is no difference."""
    value = reveal(raw)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return value
    try:
        if key == "residency:org":
            return OrgSettings.model_validate(value or {}).model_dump(mode="json", by_alias=True)
        collections = [Collection.model_validate(c).model_dump(mode="json", by_alias=True) for c in value or []]
        return {c["name"]: {**c, "classes": sorted(c["classes"])} for c in collections}
    except (ValidationError, TypeError):
        return value


def _shown(value: Any) -> str:
    return "not set" if value is None else repr(value)


def _at(doc: Any, path: str, key: str) -> Any:
    value = doc
    for part in path[len(key) :].replace("]", "").replace("[", ".").split(".")[1:]:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _file(project: Project) -> str:
    return f"Pulumi.{project.stack}.yaml"


def disagreements(projects: Mapping[str, Project]) -> dict[str, list[Finding]]:
    """Stack -> mandatory violations naming both files and the first differing key."""
    out: dict[str, list[Finding]] = {stack: [] for stack in projects}
    stacks = sorted(projects)
    for i, first in enumerate(stacks):
        for second in stacks[i + 1 :]:
            a, b = projects[first], projects[second]
            for key in KEYS:
                mine, theirs = _normalised(key, a.config.get(key)), _normalised(key, b.config.get(key))
                where = _first_difference(mine, theirs, key)
                if where is None:
                    continue
                message = (
                    f"{_file(a)} and {_file(b)} disagree on {where}: {_shown(_at(mine, where, key))} in {first}, "
                    f"{_shown(_at(theirs, where, key))} in {second}. One organisation has one posture: give every "
                    f"stack the same {key}, so no stack plans a copy another stack's settings forbid."
                )
                for stack in (first, second):
                    out[stack].append(Finding(POLICY, Level.MANDATORY, message))
    return out
