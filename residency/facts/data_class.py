"""Read the data class a resource declares, and say precisely why when it cannot be read."""

from typing import Any

from residency.facts.values import is_unknown, reveal
from residency.model.data_classes import ALLOWED_VALUES, DataClass, parse_data_class

TAG_KEY = "data-class"
COLLECTION_TAG = "collection"
K8S_LABEL = "quantumelixir.tech/data-class"
K8S_COLLECTION_LABEL = "quantumelixir.tech/collection"


def tags_of(props: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The resource's tags (AWS) or labels (Kubernetes), or a reason they cannot be read."""
    if "metadata" in props and isinstance(props.get("metadata"), dict):
        labels = reveal(props["metadata"].get("labels"))
        return (labels if isinstance(labels, dict) else {}), None
    raw = reveal(props.get("tags"))
    if raw is None:
        raw = reveal(props.get("tagsAll"))
    if is_unknown(raw):
        return {}, "its tags are unknown during preview"
    if raw is None:
        return {}, None
    if not isinstance(raw, dict):
        return {}, "its tags are not a map"
    return raw, None


def read_data_class(tags: dict[str, Any], tags_problem: str | None) -> tuple[DataClass | None, str | None]:
    if tags_problem:
        return None, f"data class unknown: {tags_problem}"
    key = K8S_LABEL if K8S_LABEL in tags else TAG_KEY
    value = tags.get(key)
    if value is None:
        near = [k for k in tags if k.lower().replace("_", "-") in (TAG_KEY, K8S_LABEL) and k != key]
        if near:
            return None, f"tag key {near[0]!r} is misspelt; use {TAG_KEY!r} exactly"
        return None, f"no {TAG_KEY!r} tag"
    if is_unknown(value):
        return None, f"the {TAG_KEY!r} tag value is unknown during preview"
    parsed = parse_data_class(value)
    if parsed is None:
        return None, f"{TAG_KEY} {value!r} is not a known class; allowed: {ALLOWED_VALUES}"
    return parsed, None
