"""Read the data class a resource declares, and say precisely why when it cannot be read.

AWS resources read only the `data-class` tag, merged over the provider's `defaultTags` the way AWS builds
`tags_all`; Kubernetes objects read only the `quantumelixir.tech/data-class` label. Values match exactly: a near
miss (case, whitespace, plural, underscore) or two competing keys is reported, never silently accepted.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from residency.facts.resource import ProviderInput
from residency.facts.values import get_path, is_unknown, reveal
from residency.model.data_classes import ALLOWED_VALUES, DataClass, parse_data_class

TAG_KEY = "data-class"
COLLECTION_TAG = "collection"
K8S_LABEL = "quantumelixir.tech/data-class"
K8S_COLLECTION_LABEL = "quantumelixir.tech/collection"
_KEYS = (TAG_KEY, K8S_LABEL)


@dataclass(frozen=True, slots=True)
class DeclaredClass:
    data_class: DataClass | None
    problem: str | None
    """Why no class could be read (None when there is no tag at all is also a problem: 'no tag')."""
    near_miss: str | None = None
    """A tag key or value that looks like a data class but is not one exactly; reported on every type."""


def _norm(text: str) -> str:
    text = re.sub(r"[\s_./]+", "-", text.strip().lower())
    return text.removesuffix("s") if text.endswith("s") and not text.endswith("ss") else text


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z]", "", key.lower().rsplit("/", 1)[-1]).removesuffix("es").removesuffix("s")


_NEAR_VALUES = {_norm(c.value): c for c in DataClass}


def default_tags(setting: Any, owner: str) -> tuple[dict[str, Any], str | None]:
    """The tags of an AWS `defaultTags` setting (an object, or the JSON text the engine hands packs), or why they
    cannot be read; `owner` names where it was set."""
    raw = reveal(setting)
    if isinstance(raw, str) and raw.startswith("{"):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}, f"{owner}'s defaultTags cannot be read"
    tags = get_path(raw, "tags") if isinstance(raw, dict) else None
    if is_unknown(raw) or is_unknown(tags):
        return {}, f"{owner}'s defaultTags are unknown during preview"
    return (tags if isinstance(tags, dict) else {}), None


def _provider_default_tags(provider: ProviderInput | None) -> tuple[dict[str, Any], str | None]:
    if provider is None or not provider.type.startswith("pulumi:providers:aws"):
        return {}, None
    return default_tags(get_path(provider.props, "defaultTags"), f"provider {provider.name}")


def tags_of(props: dict[str, Any], provider: ProviderInput | None = None) -> tuple[dict[str, Any], str | None]:
    """The resource's tags (AWS, over the provider's default tags) or labels (Kubernetes), or why unreadable."""
    if "metadata" in props and isinstance(props.get("metadata"), dict):
        labels = reveal(props["metadata"].get("labels"))
        if is_unknown(labels):
            return {}, "its labels are unknown during preview"
        return (labels if isinstance(labels, dict) else {}), None
    defaults, default_problem = _provider_default_tags(provider)
    raw = reveal(props.get("tags"))
    if raw is None:
        raw = reveal(props.get("tagsAll"))
    if is_unknown(raw):
        return {}, "its tags are unknown during preview"
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return {}, "its tags are not a map"
    merged = {**defaults, **raw}
    if default_problem and TAG_KEY not in raw:
        return merged, default_problem
    return merged, None


def _near_keys(tags: dict[str, Any], exact: str) -> list[str]:
    return [k for k in tags if k != exact and k not in _KEYS and _norm_key(k) == "dataclas"]


def read_data_class(tags: dict[str, Any], tags_problem: str | None, kubernetes: bool = False) -> DeclaredClass:
    key, other = (K8S_LABEL, TAG_KEY) if kubernetes else (TAG_KEY, K8S_LABEL)
    noun = "label" if kubernetes else "tag"  # Kubernetes objects carry labels: say what to add where it is added
    if tags_problem:
        return DeclaredClass(None, f"data class unknown: {tags_problem}")
    near = _near_keys(tags, key)
    if other in tags:
        near.append(other)
    value = tags.get(key)
    if value is None:
        if len(near) > 1:
            problem = f"conflicting keys {near!r} and no {key!r}"
            return DeclaredClass(None, problem, problem)
        if near:
            problem = f"{noun} key {near[0]!r} is not read; use {key!r} exactly"
            return DeclaredClass(None, problem, problem)
        return DeclaredClass(None, f"no {key!r} {noun}")
    if is_unknown(value):
        return DeclaredClass(None, f"the {key!r} {noun} value is unknown during preview")
    parsed = parse_data_class(value)
    if parsed is None:
        guess = _NEAR_VALUES.get(_norm(str(value)))
        hint = f"did you mean {guess.value!r}?" if guess else f"allowed: {ALLOWED_VALUES}"
        problem = f"{key} {value!r} is not a known class; {hint}"
        return DeclaredClass(None, problem, problem)
    rivals = [k for k in near if parse_data_class(tags[k]) != parsed]
    if rivals:
        problem = f"{key} {value!r} conflicts with {rivals[0]!r} = {tags[rivals[0]]!r}"
        return DeclaredClass(None, problem, problem)
    if near:
        return DeclaredClass(parsed, None, f"{noun} key {near[0]!r} next to {key!r} is not read; remove it")
    return DeclaredClass(parsed, None)


_CLASS_KEY = _norm_key(TAG_KEY)


def _key_value(entry: dict[str, Any]) -> tuple[object, object]:
    """A tag written as an object (`{key: data-class, value: ...}`, AWS native and CloudFormation style)."""
    fields = {str(k).lower(): v for k, v in entry.items()}
    return fields.get("key", fields.get("name")), fields.get("value")


def declared_anywhere(value: Any, depth: int = 0) -> list[str]:
    """Every value written under a data-class key anywhere in a resource's inputs, in any shape a provider uses for
    tags or labels (a map, or a list of key/value objects). For resources of packages the pack cannot read: a class
    declared there is data they hold, even where the pack does not know which property holds tags."""
    value = reveal(value)
    if depth > 8:
        return []
    found: list[str] = []
    if isinstance(value, dict):
        key, tagged = _key_value(value)
        if isinstance(key, str) and _norm_key(key) == _CLASS_KEY:
            found.append(str(reveal(tagged)))
        for k, v in value.items():
            if _norm_key(str(k)) == _CLASS_KEY and not isinstance(v, (dict, list)):
                found.append(str(reveal(v)))
            else:
                found += declared_anywhere(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            found += declared_anywhere(v, depth + 1)
    return found
