"""Machine-readable result: project, stack, resources (urn, type, name, region, dataClass), violations."""

import json

from residency.gate.result import GateResult


def render(result: GateResult) -> str:
    return json.dumps(result.to_json(), indent=2) + "\n"
