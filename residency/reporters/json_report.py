"""Machine-readable result: project, stack, resources (urn, type, name, region, dataClass), violations."""

import json

from residency.report import Report


def render(result: Report) -> str:
    return json.dumps(result.to_json(), indent=2) + "\n"
