"""Detect what a file is from its content and read it: gate plan, stack export, checkpoint or preview JSON."""

import json
from pathlib import Path
from typing import Any

from residency.diff.snapshot import Snapshot
from residency.diff.state_reader import snapshot_from_states
from residency.model.exceptions import EXCEPTIONS_KEY
from residency.model.findings import Finding
from residency.reading import UnreadableFileError, read_json

_REPLACE_OPS = {"replace", "create-replacement", "delete-replaced"}
STEP_OPS = frozenset(
    {
        "same",
        "create",
        "update",
        "delete",
        "replace",
        "create-replacement",
        "delete-replaced",
        "read",
        "read-replacement",
        "refresh",
        "discard",
        "discard-replaced",
        "remove-pending-replace",
        "import",
        "import-replacement",
    }
)
"""The step operations `pulumi preview --json` writes (the engine's OpType)."""


def _check_step(path: Path, index: int, step: Any) -> None:
    if not isinstance(step, dict):
        raise UnreadableInputError(path, "preview steps must be objects")
    op = step.get("op")
    if op not in STEP_OPS:
        raise UnreadableInputError(
            path, f"is a preview whose steps[{index}].op is {op!r}; allowed: {', '.join(sorted(STEP_OPS))}"
        )
    for key in ("oldState", "newState"):
        if step.get(key) is not None and not isinstance(step[key], dict):
            shown = type(step[key]).__name__
            raise UnreadableInputError(path, f"is a preview whose steps[{index}].{key} is {shown}; allowed: an object")


UnreadableInputError = UnreadableFileError
"""Every reader's one error type: the path and what is wrong with it."""


def load_json(path: Path) -> Any:
    return read_json(path)


def kind_of(doc: Any) -> str:
    if isinstance(doc, dict):
        if doc.get("kind") == "residency-plan":
            return "plan"
        if "deployment" in doc:
            return "stack export"
        if isinstance(doc.get("checkpoint"), dict):
            return "checkpoint"
        if isinstance(doc.get("steps"), list):
            return "preview"
    return "unknown"


PLAN_VERSIONS = (1,)
"""The residency plan versions (`residency preview --out`) this reader understands."""

_TEXT, _MAYBE_TEXT = (str,), (str, type(None))
PLAN_ROW_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "type": (_TEXT, "a type token"),
    "name": (_TEXT, "a name"),
    "region": (_MAYBE_TEXT, "a region name or null"),
    "dataClass": (_MAYBE_TEXT, "a data class or null"),
    "parent": (_MAYBE_TEXT, "a URN or null"),
    "regionSource": (_MAYBE_TEXT, "text"),
    "arn": (_MAYBE_TEXT, "an ARN or null"),
    "classProblem": (_MAYBE_TEXT, "text or null"),
    "dataStore": ((bool,), "true or false"),
    "protections": ((dict,), "an object"),
    "copies": ((list,), "a list"),
}
"""What each field of a plan's resource row may hold: a plan is written by `residency preview`, so anything else is
a damaged or hand-edited file."""


def _check_plan_row(path: Path, index: int, row: Any) -> None:
    if not isinstance(row, dict) or not isinstance(row.get("urn"), str):
        raise UnreadableInputError(path, f"is a plan whose resources[{index}] is not a resource with a urn")
    for key, (allowed, shown) in PLAN_ROW_FIELDS.items():
        if key in row and not isinstance(row[key], allowed):
            raise UnreadableInputError(
                path, f"is a plan whose resources[{index}].{key} is {type(row[key]).__name__}; allowed: {shown}"
            )


def _plan(path: Path, doc: dict[str, Any]) -> Snapshot:
    version = doc.get("version")
    if isinstance(version, bool) or version not in PLAN_VERSIONS:
        shown = ", ".join(map(str, PLAN_VERSIONS))
        raise UnreadableInputError(path, f"is a residency plan of version {version!r}; supported versions: {shown}")
    if "resources" not in doc:
        raise UnreadableInputError(path, "is a plan without resources; allowed: a plan written by residency preview")
    resources = doc["resources"]
    if not isinstance(resources, list):
        raise UnreadableInputError(path, "is a plan whose resources is not a list")
    for index, row in enumerate(resources):
        _check_plan_row(path, index, row)
    violations = doc.get("violations", [])
    if not isinstance(violations, list):
        raise UnreadableInputError(path, "is a plan whose violations is not a list")
    for index, item in enumerate(violations):
        if not isinstance(item, dict) or not isinstance(item.get("policy"), str):
            raise UnreadableInputError(path, f"is a plan whose violations[{index}] is not a finding with a policy")
    rows = {r["urn"]: r for r in resources}
    levels = doc.get("policyConfig")
    snapshot = Snapshot(str(path), "plan", rows, [Finding.from_json(v) for v in violations])
    if isinstance(levels, dict):
        snapshot.policy_levels = {str(k): str(v) for k, v in levels.items()}
    if isinstance(doc.get("stack"), str):
        snapshot.stack = doc["stack"]
    settings = doc.get("settings")
    if isinstance(settings, dict):
        snapshot.settings = {str(k): v for k, v in settings.items() if str(k).startswith("residency:")}
        entries = settings.get(EXCEPTIONS_KEY) or []
        if isinstance(entries, str):
            entries = json.loads(entries)
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise UnreadableInputError(path, f"is a plan whose settings.{EXCEPTIONS_KEY} is not a list of objects")
        snapshot.exceptions = entries
    return snapshot


STATE_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "type": (_TEXT, "a type token"),
    "id": (_MAYBE_TEXT, "an id"),
    "provider": (_MAYBE_TEXT, "a provider reference"),
    "parent": (_MAYBE_TEXT, "a URN"),
    "inputs": ((dict, type(None)), "an object"),
    "outputs": ((dict, type(None)), "an object"),
    "dependencies": ((list, type(None)), "a list of URNs"),
    "propertyDependencies": ((dict, type(None)), "an object of URN lists"),
}
"""What each field of a resource state (`pulumi stack export`, a checkpoint, a preview step) may hold."""


def _check_states(path: Path, kind: str, where: str, resources: Any) -> None:
    if not isinstance(resources, list):
        raise UnreadableInputError(path, f"is a {kind} whose {where} is {type(resources).__name__}; allowed: a list")
    for index, state in enumerate(resources):
        at = f"{where}[{index}]"
        if not isinstance(state, dict) or not isinstance(state.get("urn"), str) or "::" not in state["urn"]:
            raise UnreadableInputError(path, f"is a {kind} whose {at} is not a resource state with a urn")
        for key, (allowed, shown) in STATE_FIELDS.items():
            if key in state and not isinstance(state[key], allowed):
                found = type(state[key]).__name__
                raise UnreadableInputError(path, f"is a {kind} whose {at}.{key} is {found}; allowed: {shown}")


def _deployment(path: Path, kind: str, deployment: Any) -> Snapshot:
    if deployment is None:
        return Snapshot(str(path), kind, {}, [], notes=["the stack is empty"])
    if not isinstance(deployment, dict):
        raise UnreadableInputError(path, f"{kind} has no deployment object")
    resources = deployment.get("resources") or []
    _check_states(path, kind, "deployment.resources", resources)
    return snapshot_from_states(str(path), kind, resources, {})


def _preview_side(path: Path, doc: dict[str, Any], side: str) -> Snapshot:
    key = "oldState" if side == "before" else "newState"
    states, replaced = [], set()
    for index, step in enumerate(doc["steps"]):
        _check_step(path, index, step)
        if step.get("op") in _REPLACE_OPS:
            replaced.add(step.get("urn"))
        state = step.get(key)
        if side == "after" and step.get("op") in ("delete", "delete-replaced", "discard"):
            continue
        if isinstance(state, dict):
            old_state = step.get("oldState")
            old: dict[str, Any] = old_state if isinstance(old_state, dict) else {}
            # Preview newStates often omit outputs; what was recorded before still says where a store lives.
            outputs = state.get("outputs") or old.get("outputs") or {}
            states.append(
                {
                    **state,
                    "urn": state.get("urn") or step.get("urn"),
                    "outputs": outputs,
                    "provider": step.get("provider") or state.get("provider"),
                }
            )
    config = doc.get("config") or {}
    snap = snapshot_from_states(f"{path} ({side})", f"preview {side}", states, config)
    snap.replaced = {u for u in replaced if isinstance(u, str)}
    if not any(s.get("op") == "same" for s in doc["steps"]):
        snap.notes.append("preview JSON without --show-sames: unchanged resources are not listed")
    return snap


SUPPORTED_VERSIONS = (1, 2, 3)
"""The deployment versions of `pulumi stack export` and checkpoints (apitype) this reader understands."""


def _check_version(path: Path, kind: str, doc: dict[str, Any]) -> None:
    version = doc.get("version")
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        allowed = ", ".join(map(str, SUPPORTED_VERSIONS))
        raise UnreadableInputError(path, f"is a {kind} of version {version!r}; supported versions: {allowed}")


def read_side(path: Path, side: str) -> Snapshot:
    doc = load_json(path)
    kind = kind_of(doc)
    if kind in ("stack export", "checkpoint"):
        _check_version(path, kind, doc)
    try:
        return _read_kind(path, doc, kind, side)
    except UnreadableInputError:
        raise
    except (TypeError, AttributeError, KeyError, ValueError, IndexError) as exc:
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise UnreadableInputError(path, f"is a {kind} with values of the wrong type ({detail})") from None


def _read_kind(path: Path, doc: Any, kind: str, side: str) -> Snapshot:
    if kind == "plan":
        return _plan(path, doc)
    if kind == "stack export":
        return _deployment(path, kind, doc["deployment"])
    if kind == "checkpoint":
        return _deployment(path, kind, doc["checkpoint"].get("latest"))
    if kind == "preview":
        return _preview_side(path, doc, side)
    raise UnreadableInputError(
        path, "is not a residency plan, `pulumi stack export`, checkpoint or `pulumi preview --json`"
    )


def read_pair(before: Path | None, after: Path) -> tuple[Snapshot, Snapshot]:
    if before is None:
        doc = load_json(after)
        if kind_of(doc) != "preview":
            raise UnreadableInputError(
                after, "BEFORE may be omitted only for `pulumi preview --json`, which holds both states"
            )
        try:
            return _preview_side(after, doc, "before"), _preview_side(after, doc, "after")
        except UnreadableInputError:
            raise
        except (TypeError, AttributeError, KeyError, ValueError, IndexError) as exc:
            raise UnreadableInputError(after, f"is a preview with values of the wrong type ({exc})") from None
    return read_side(before, "before"), read_side(after, "after")
