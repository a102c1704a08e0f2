"""What only a gate that sees both stacks can check: a replica's class against its source's class."""

import json
from pathlib import Path
from typing import Any

from residency.gate.result import ResourceRow, Violation
from residency.gate.run_program import STATE_DIR
from residency.model.data_classes import parse_data_class

POLICY = "restrict-cross-region-replication"
KNOWN_RESOURCES_KEY = "knownResources"
"""The pack's config property for classes of resources outside the stack (see policy/pack.py)."""


def other_stack_resources(project_dir: Path, stack: str) -> dict[str, dict[str, Any]]:
    """ARN -> resource row (type, dataClass, stack) from the other stacks' last offline runs."""
    by_arn: dict[str, dict[str, Any]] = {}
    state = project_dir / STATE_DIR
    for path in sorted(state.glob("*.json")) if state.is_dir() else []:
        if path.stem == stack:
            continue
        try:
            rows = json.loads(path.read_text()).get("resources", [])
        except (OSError, json.JSONDecodeError):
            continue
        for row in rows:
            if row.get("arn"):
                by_arn[row["arn"]] = {**row, "stack": path.stem}
    return by_arn


def relabelled_replicas(rows: list[ResourceRow], others: dict[str, dict[str, Any]]) -> list[Violation]:
    out = []
    for row in rows:
        for edge in row.copies:
            counterpart = others.get(edge.target)
            label = row.data_class
            if counterpart is None or label is None:
                continue
            theirs = counterpart.get("dataClass")
            if theirs != label:
                out.append(
                    Violation(
                        POLICY,
                        "mandatory",
                        row.urn,
                        (
                            f"{edge.mechanism} on {row.name} copies {label} to or from "
                            f"{counterpart.get('name')} in stack {counterpart['stack']}, which is labelled {theirs}: "
                            "a relabelled replica hides where the data really is."
                        ),
                    )
                )
    return out


def known_classes(others: dict[str, dict[str, Any]]) -> dict[str, str]:
    """ARN -> data class of the other stacks' resources, for the pack to judge copies whose source is there."""
    return {arn: row["dataClass"] for arn, row in others.items() if parse_data_class(row.get("dataClass"))}


def with_known_resources(
    resolved: dict[str, tuple[str, dict[str, Any]]], known: dict[str, str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every policy's config gains the known classes; entries the user configured explicitly win."""
    if not known:
        return resolved
    out = {}
    for name, (level, props) in resolved.items():
        given = props.get(KNOWN_RESOURCES_KEY)
        merged = {**known, **(given if isinstance(given, dict) else {})}
        out[name] = (level, {**props, KNOWN_RESOURCES_KEY: merged})
    return out
