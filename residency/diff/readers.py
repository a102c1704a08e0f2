"""Detect what a file is from its content and read it: gate plan, stack export, checkpoint or preview JSON."""

import json
from pathlib import Path
from typing import Any

from residency.diff.snapshot import Snapshot
from residency.diff.state_reader import snapshot_from_states
from residency.model.errors import ResidencyConfigError

_REPLACE_OPS = {"replace", "create-replacement", "delete-replaced"}


class UnreadableInputError(ResidencyConfigError):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(str(path), problem)


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise UnreadableInputError(path, "file not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnreadableInputError(path, f"is not JSON ({exc})") from None


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


def _plan(path: Path, doc: dict[str, Any]) -> Snapshot:
    rows = {r["urn"]: r for r in doc.get("resources", []) if isinstance(r, dict) and "urn" in r}
    levels = doc.get("policyConfig")
    snapshot = Snapshot(str(path), "plan", rows, list(doc.get("violations", [])))
    if isinstance(levels, dict):
        snapshot.policy_levels = {str(k): str(v) for k, v in levels.items()}
    return snapshot


def _deployment(path: Path, kind: str, deployment: Any) -> Snapshot:
    if deployment is None:
        return Snapshot(str(path), kind, {}, [], notes=["the stack is empty"])
    if not isinstance(deployment, dict):
        raise UnreadableInputError(path, f"{kind} has no deployment object")
    resources = deployment.get("resources") or []
    return snapshot_from_states(str(path), kind, resources, {})


def _preview_side(path: Path, doc: dict[str, Any], side: str) -> Snapshot:
    key = "oldState" if side == "before" else "newState"
    states, replaced = [], set()
    for step in doc["steps"]:
        if not isinstance(step, dict):
            raise UnreadableInputError(path, "preview steps must be objects")
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


def read_side(path: Path, side: str) -> Snapshot:
    doc = load_json(path)
    kind = kind_of(doc)
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
        return _preview_side(after, doc, "before"), _preview_side(after, doc, "after")
    return read_side(before, "before"), read_side(after, "after")
