"""Helpers for raw Pulumi property values: unknowns, secrets, ARNs."""

from typing import Any

UNKNOWN_SENTINELS = frozenset(
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    }
)
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
SECRET_SHOWN = "[secret]"


UNTIL_DEPLOY = "unknown-until-deploy:"
"""How the offline gate answers a data source's text field that only the real run can read (see
`residency.gate.engine.invokes`): as unknown as an output the engine has not computed yet."""


EXISTING_REGION = f"{UNTIL_DEPLOY}region of existing "
"""The region the offline gate gives a resource read with `get` (ReadResource) whose id names no region: it lives
wherever it was made, which only the real run can see (the provider it is read through says nothing)."""


def existing_region_marker(resource_id: str) -> str:
    return f"{EXISTING_REGION}{resource_id}"


def is_unknown(value: Any) -> bool:
    return isinstance(value, str) and (value in UNKNOWN_SENTINELS or value.startswith(UNTIL_DEPLOY))


def reveal(value: Any) -> Any:
    """Strip secret wrappers (the rules judge placement, never print secret values)."""
    if isinstance(value, dict):
        if value.get(SECRET_SIG_KEY) == SECRET_SIG:
            return reveal(value["value"]) if "value" in value else SECRET_SHOWN  # ciphertext only: stays secret
        return {k: reveal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [reveal(v) for v in value]
    return value


def get_path(props: Any, *path: str | int) -> Any:
    current = props
    for part in path:
        if isinstance(part, int):
            if not isinstance(current, list) or part >= len(current):
                return None
            current = current[part]
        else:
            if not isinstance(current, dict):
                return None
            current = current.get(part)
    return current


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def arn_region(arn: Any) -> str | None:
    """The region an ARN names; None for unknowns, non-ARNs and region-less ARNs (S3, IAM)."""
    if not isinstance(arn, str) or not arn.startswith("arn:"):
        return None
    parts = arn.split(":", 5)
    return parts[3] or None if len(parts) > 3 else None


def arn_resource(arn: str) -> str:
    parts = arn.split(":", 5)
    return parts[5] if len(parts) > 5 else ""


def s3_bucket_from_arn(arn: Any) -> str | None:
    if isinstance(arn, str) and arn.startswith("arn:") and ":s3:::" in arn:
        return arn_resource(arn).split("/", 1)[0]
    return None
