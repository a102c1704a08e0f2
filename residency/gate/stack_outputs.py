"""Other stacks' outputs from an explicit, trusted file: `--stack-outputs NAME=FILE`.

Accepted: `pulumi stack output --json` (a flat object), `pulumi stack export` (outputs of the root Stack
resource, plus every resource's data class for judging copies whose source lives there), a checkpoint, or a
residency plan written by `residency preview --out`. Encrypted secrets stay unknown: the gate has no key.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from residency.diff.readers import UnreadableInputError, kind_of, load_json, read_side
from residency.facts.values import SECRET_SIG_KEY, UNKNOWN
from residency.model.data_classes import parse_data_class
from residency.model.errors import ResidencyConfigError

STACK_TYPE = "pulumi:pulumi:Stack"


@dataclass(frozen=True)
class StackOutputs:
    stack: str
    source: str
    outputs: dict[str, Any]
    known_classes: dict[str, str] = field(default_factory=dict)
    """ARN -> data class of the stack's resources (exports, checkpoints and plans carry them)."""


def parse_spec(spec: str) -> tuple[str, Path]:
    name, sep, file = spec.partition("=")
    if not sep or not name.strip() or not file.strip():
        raise ResidencyConfigError("--stack-outputs", f"{spec!r} must be NAME=FILE, e.g. sg-sin-1=outputs.json")
    return name.strip(), Path(file.strip())


def parse_specs(specs: Sequence[str], previewed: Sequence[str]) -> dict[str, Path]:
    """Each NAME once, and never a stack previewed in this run: a second file for a name, or a file for a stack whose
    outputs this run computes, would leave one source silently unused."""
    out: dict[str, Path] = {}
    for spec in specs:
        name, path = parse_spec(spec)
        if name in out:
            raise ResidencyConfigError(
                "--stack-outputs", f"{name} is given twice ({out[name]} and {path}); allowed: one file per stack"
            )
        if name in previewed:
            raise ResidencyConfigError(
                "--stack-outputs",
                f"{name} is previewed in this run, which computes its outputs; allowed: stacks not previewed here",
            )
        out[name] = path
    return out


def _unencrypted(value: Any) -> Any:
    if isinstance(value, dict):
        if SECRET_SIG_KEY in value:
            return {**value, "value": _unencrypted(value["value"])} if "value" in value else UNKNOWN
        return {k: _unencrypted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unencrypted(v) for v in value]
    return value


def _deployment_outputs(path: Path, resources: Any) -> dict[str, Any]:
    for res in resources if isinstance(resources, list) else []:
        if isinstance(res, dict) and res.get("type") == STACK_TYPE:
            outputs = res.get("outputs") or {}
            return _unencrypted(outputs) if isinstance(outputs, dict) else {}
    return {}


def _report_kind(doc: dict[str, Any]) -> str | None:
    """A report this tool (or another) writes, recognised by the fields its format requires. Any object reads as
    `pulumi stack output --json`, so a SARIF or JSON report passed by mistake became the stack's outputs."""
    if "sarif" in str(doc.get("$schema", "")).lower() or (
        isinstance(doc.get("runs"), list) and doc.get("version") == "2.1.0"
    ):
        return "a SARIF report"
    if isinstance(doc.get("violations"), list) and isinstance(doc.get("stack"), str):
        return "a residency JSON report"
    stacks = doc.get("stacks")
    if isinstance(stacks, list) and stacks and all(isinstance(s, dict) and "violations" in s for s in stacks):
        return "a residency JSON report"
    if isinstance(doc.get("findings"), list) and isinstance(doc.get("regions"), dict):
        return "a residency audit report"
    return None


def read_stack_outputs(name: str, path: Path) -> StackOutputs:
    doc = load_json(path)
    kind = kind_of(doc)
    if kind == "unknown":
        if not isinstance(doc, dict):
            raise UnreadableInputError(
                path, "is not `pulumi stack output --json` (an object) or a `pulumi stack export` file"
            )
        report = _report_kind(doc)
        if report:
            raise UnreadableInputError(
                path, f"is {report}, not stack outputs: use `pulumi stack output --json` or `pulumi stack export`"
            )
        return StackOutputs(name, str(path), _unencrypted(doc))
    if kind == "preview":
        raise UnreadableInputError(path, "is a preview, not stack outputs: use `pulumi stack output --json`")
    if kind == "plan":
        outputs = doc.get("outputs")
        outputs = outputs if isinstance(outputs, dict) else {}
    elif kind == "stack export":
        deployment = doc.get("deployment")
        outputs = _deployment_outputs(path, deployment.get("resources") if isinstance(deployment, dict) else None)
    else:
        latest = doc["checkpoint"].get("latest")
        outputs = _deployment_outputs(path, latest.get("resources") if isinstance(latest, dict) else None)
    known = {}
    for row in read_side(path, "after").rows.values():
        arn, data_class = row.get("arn"), parse_data_class(row.get("dataClass"))
        if isinstance(arn, str) and arn and data_class is not None:
            known[arn] = data_class.value
    return StackOutputs(name, str(path), outputs, dict(sorted(known.items())))
