"""What only a gate that sees both stacks can check: a replica's class against its source's class."""

import json
from pathlib import Path
from typing import Any

from residency.gate.result import ResourceRow, Violation
from residency.gate.run_program import STATE_DIR

POLICY = "restrict-cross-region-replication"


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
            if counterpart is None or edge.data_class is None:
                continue
            theirs = counterpart.get("dataClass")
            if theirs != edge.data_class.value:
                out.append(
                    Violation(
                        POLICY,
                        "mandatory",
                        row.urn,
                        (
                            f"{edge.mechanism} on {row.name} copies {edge.data_class.value} to or from "
                            f"{counterpart.get('name')} in stack {counterpart['stack']}, which is labelled {theirs}: "
                            "a relabelled replica hides where the data really is."
                        ),
                    )
                )
    return out
