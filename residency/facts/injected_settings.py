"""A parameter or secret injected into a container's environment is judged under the variable's name.

ECS and Batch containers take variables from Parameter Store or Secrets Manager (`secrets: [{name: EXPORT_BUCKET,
valueFrom: <parameter ARN>}]`), App Runner from `runtimeEnvironmentSecrets`, CodeBuild from variables of type
PARAMETER_STORE or SECRETS_MANAGER. The container sees `EXPORT_BUCKET=partner-bucket` exactly as if the definition
said it; the pack saw only a parameter ARN in Jakarta. When the parameter or secret is in the stack its value is
scanned as the variable (a JSON secret's key when `valueFrom` names one); one outside the stack, or a value unknown
during preview, is a setting that cannot be read: it fails closed only where the variable's name says it holds a
bucket or endpoint. An ECS environment file (`environmentFiles`, an S3 object of `NAME=value` lines) is read the
same way from the object of the stack that holds it; one the pack cannot read fails closed, since any of its
variables may name a place.
"""

import re
from collections.abc import Iterator
from typing import Any

from residency.facts.graph import Graph
from residency.facts.references import ReferenceScanner, json_document, names_a_place
from residency.facts.resource import Direction, Reference, ResourceFacts
from residency.facts.values import as_list, get_path, is_unknown, reveal

PARAMETER = "aws:ssm/parameter:Parameter"
SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion"
STORES = ("aws:ssm/parameter:Parameter", "aws:secretsmanager/secret:Secret")
INJECTED_TYPES = frozenset({"PARAMETER_STORE", "SECRETS_MANAGER"})
OBJECT_TYPES = ("aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObject:BucketObject")
ENV_FILE = "environmentFiles"
ENV_LINE = re.compile(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*?)[ \t]*$", re.MULTILINE)
SECRET_KEY = re.compile(r"^(arn:aws[a-z-]*:secretsmanager:[^:]+:\d*:secret:[^:]+):([^:]+):")
"""`<secret ARN>:<json key>:<version stage>:<version id>`: one key of a JSON secret."""


def _documents(value: Any) -> Any:
    """The object or array a string holds as JSON (a container definition), else the value as it is."""
    doc = json_document(value) if isinstance(value, str) else None
    return value if doc is None else doc


def _injections(value: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, variable name, where its value comes from) for every injected variable."""
    value = _documents(value)
    if isinstance(value, dict):
        name = value.get("name", value.get("Name"))
        if isinstance(name, str) and "valueFrom" in value and not isinstance(value["valueFrom"], dict):
            # ECS and Batch name a parameter or secret; a Kubernetes `valueFrom` is an object naming a ConfigMap or
            # Secret, which is judged with the workload's settings (workload_settings).
            yield path, name, value["valueFrom"]
        elif isinstance(name, str) and str(value.get("type", "")).upper() in INJECTED_TYPES:
            yield path, name, value.get("value")
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            if key == ENV_FILE:
                yield from ((inner, ENV_FILE, get_path(e, "value")) for e in as_list(item) if isinstance(e, dict))
            elif key == "runtimeEnvironmentSecrets" and isinstance(item, dict):
                yield from ((inner, str(k), v) for k, v in item.items())
            else:
                yield from _injections(item, inner)
    elif isinstance(value, list):
        for item in value:
            yield from _injections(item, path)


def _held(target: ResourceFacts, graph: Graph, json_key: str | None) -> Any:
    """The value a parameter or secret of the stack holds (one key of a JSON secret), or None."""
    if target.type == PARAMETER:
        return reveal(target.props.get("value", target.props.get("insecureValue")))
    versions = [f for f in graph.by_urn.values() if f.type == SECRET_VERSION and target.urn in f.resource.dependencies]
    text = reveal(versions[0].props.get("secretString")) if len(versions) == 1 else None
    if json_key and isinstance(text, str):
        doc = _documents(text)
        return doc.get(json_key) if isinstance(doc, dict) else None
    return text


def _values(f: ResourceFacts, path: str, source: Any, graph: Graph) -> list[Any]:
    """The values the variable may take: its parameter's or secret's, found by ARN or name, else every parameter
    and secret the property depends on (the engine's dependencies: an ARN is unknown until the store exists)."""
    text = source if isinstance(source, str) and not is_unknown(source) else ""
    json_key = SECRET_KEY.match(text)
    named = json_key.group(1) if json_key else text
    target = (graph.by_any_arn(named) if named.startswith("arn:") else None) or (
        graph.by_text(named) if named else None
    )
    if target is not None and target.type in STORES:
        return [_held(target, graph, json_key.group(2) if json_key else None)]
    top = path.split(".", 1)[0]
    candidates = graph.dependencies(f, top, STORES) if top else []
    return [_held(c, graph, json_key.group(2) if json_key else None) for c in candidates]


def _env_file(source: Any, graph: Graph) -> str | None:
    """The text of the S3 object of the stack an environment file ARN (`arn:aws:s3:::bucket/key`) names."""
    if not isinstance(source, str) or is_unknown(source) or not source.startswith("arn:aws"):
        return None
    bucket_name, _, key = source.split(":::", 1)[-1].partition("/")
    bucket = graph.bucket(bucket_name)
    for f in graph.by_urn.values():
        props = reveal(f.props)
        if f.type not in OBJECT_TYPES or props.get("key") != key:
            continue
        if props.get("bucket") == bucket_name or (
            bucket is not None and bucket.urn in f.resource.property_dependencies.get("bucket", ())
        ):
            content = props.get("content")
            return content if isinstance(content, str) and not is_unknown(content) else None
    return None


def _env_file_references(f: ResourceFacts, path: str, source: Any, scanner: ReferenceScanner) -> list[Reference]:
    text = _env_file(source, scanner.graph)
    if text is None:
        shown = source if isinstance(source, str) and not is_unknown(source) else "unknown during preview"
        problem = (
            f"the environment file {shown} is not an object of this stack the pack can read: the variables it sets "
            "cannot be judged"
        )
        return [Reference(path, Direction.BOTH, None, None, f"environment file {shown}", problem)]
    found: list[Reference] = []
    for name, value in ENV_LINE.findall(text):
        found += scanner.setting(f, path, name, value.strip("\"'"))
    return found


def injected_references(f: ResourceFacts, scanner: ReferenceScanner) -> list[Reference]:
    found: list[Reference] = []
    for path, name, source in _injections(reveal(f.props)):
        if name == ENV_FILE:
            found += _env_file_references(f, path, source, scanner)
            continue
        values = _values(f, path, source, scanner.graph)
        readable = [v for v in values if isinstance(v, str) and not is_unknown(v)]
        for value in readable:
            found += scanner.setting(f, path, name, value)
        if values and len(readable) == len(values):
            continue
        shown = source if isinstance(source, str) and not is_unknown(source) else "unknown during preview"
        if names_a_place(name):
            problem = f"{name} is injected from {shown}, whose value the pack cannot read: where it points is unknown"
            found.append(Reference(path, Direction.BOTH, None, None, f"{name} from {shown}", problem))
    return found
