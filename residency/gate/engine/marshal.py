"""Marshal properties the way the engine does for analyzers: resource references become their ID (or URN).

The engine marshals analyzer properties with KeepUnknowns and KeepSecrets but not KeepResources
(`plugin.MarshalPropertyValue`): a reference to a custom resource becomes its ID, to a component its URN. An ID
still unknown during preview stays unknown.
"""

from typing import Any

from residency.facts.values import SECRET_SIG_KEY, UNKNOWN

RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e"


def downgrade_references(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get(SECRET_SIG_KEY) == RESOURCE_SIG:
            if "id" in value and value["id"] is not None:
                return value["id"] if value["id"] != "" else UNKNOWN
            return str(value.get("urn", UNKNOWN))
        return {k: downgrade_references(v) for k, v in value.items()}
    if isinstance(value, list):
        return [downgrade_references(v) for v in value]
    return value
