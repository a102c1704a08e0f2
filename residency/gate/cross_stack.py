"""What only a gate that sees both stacks can check: a replica's class against its source's class."""

from collections.abc import Mapping
from typing import Any

from residency.model.findings import Finding, Level
from residency.report import ResourceRow

POLICY = "restrict-cross-region-replication"
KNOWN_RESOURCES_KEY = "knownResources"
"""The pack's config property for classes of resources outside the stack (see residency/pack/build.py)."""


def rows_by_arn(rows: Mapping[str, Mapping[str, ResourceRow]]) -> dict[str, dict[str, Any]]:
    """ARN -> plan row (type, dataClass, ...) with its stack, over the other stacks previewed in the same run."""
    return {arn: {**row.to_plan(), "stack": stack} for stack in sorted(rows) for arn, row in rows[stack].items()}


def relabelled_replicas(rows: list[ResourceRow], others: dict[str, dict[str, Any]]) -> list[Finding]:
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
                    Finding(
                        policy=POLICY,
                        level=Level.MANDATORY,
                        urn=row.urn,
                        message=(
                            f"{edge.mechanism} on {row.name} copies {label} to or from "
                            f"{counterpart.get('name')} in stack {counterpart['stack']}, which is labelled {theirs}: "
                            "a relabelled replica hides where the data really is."
                        ),
                    )
                )
    return out


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
