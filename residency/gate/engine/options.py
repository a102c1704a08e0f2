"""The resource options an analyzer receives, built from a registration as the engine builds them.

The engine (`step_generator.go`, `analyzer_plugin.go::marshalResourceOptions`) sends protect, ignoreChanges,
deleteBeforeReplace (+ whether it was set), additionalSecretOutputs, aliases as URNs, customTimeouts (always
present) and parent. Alias specs are resolved to URNs with the resource's own name, type, parent, stack and project
as defaults, which is how `resource.Alias.GetURN` fills them.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlparse

from pulumi.runtime.settings import get_project, get_stack

MakeUrn = Callable[[str, str, str], str]


def _alias_urn(alias: Any, request: Any, make_urn: MakeUrn) -> str:
    if alias.WhichOneof("alias") == "urn":
        return str(alias.urn)
    spec = alias.spec
    name = spec.name or request.name
    type_ = spec.type or request.type
    if spec.WhichOneof("parent") == "noParent" and spec.noParent:
        parent = ""
    elif spec.WhichOneof("parent") == "parentUrn" and spec.parentUrn:
        parent = spec.parentUrn
    else:
        parent = request.parent
    urn = make_urn(parent, type_, name)
    stack, project = spec.stack or get_stack(), spec.project or get_project()
    if (stack, project) != (get_stack(), get_project()):
        _, _, rest = urn.split("::", 2)
        urn = f"urn:pulumi:{stack}::{project}::{rest}"
    return urn


def analyzer_options(request: Any, make_urn: MakeUrn) -> dict[str, Any]:
    """`AnalyzerResourceOptions` as a JSON dict (proto field names), without parent (kept on the record)."""
    timeouts = request.customTimeouts
    return {
        "protect": bool(request.protect),
        "ignoreChanges": list(request.ignoreChanges),
        "deleteBeforeReplace": bool(request.deleteBeforeReplace),
        "deleteBeforeReplaceDefined": bool(request.deleteBeforeReplaceDefined or request.deleteBeforeReplace),
        "additionalSecretOutputs": list(request.additionalSecretOutputs),
        "aliases": [_alias_urn(a, request, make_urn) for a in request.aliases] + list(request.aliasURNs),
        "customTimeouts": {
            "create": _seconds(timeouts.create),
            "update": _seconds(timeouts.update),
            "delete": _seconds(timeouts.delete),
            "read": _seconds(getattr(timeouts, "read", "")),
        },
    }


def _seconds(text: str) -> float:
    """Go duration text ("5m", "1h30m", "90s") to seconds, as the engine parses customTimeouts; bad text is 0."""
    if not text:
        return 0.0
    units = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
    total, number, i = 0.0, "", 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit() or ch == ".":
            number += ch
            i += 1
            continue
        unit = "ms" if text[i : i + 2] == "ms" else ch
        if unit not in units or not number:
            return 0.0
        total += float(number) * units[unit]
        number, i = "", i + len(unit)
    return total if not number else 0.0


def source_position(request: Any) -> dict[str, Any] | None:
    """Where the program registered the resource: the SDK sends the user frame as a file URI and line."""
    if not request.HasField("sourcePosition"):
        return None
    position = request.sourcePosition
    parsed = urlparse(position.uri)
    path = unquote(parsed.path) if parsed.scheme == "file" else position.uri
    if not path:
        return None
    return {"file": path, "line": int(position.line)}
