"""Kubernetes: the cluster's region (from its provider) and where a workload's pods are pinned."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from residency.facts.resource import ProviderInput
from residency.facts.values import (
    SECRET_SHOWN,
    UNKNOWN_SENTINELS,
    arn_region,
    as_list,
    get_path,
    is_unknown,
    reveal,
)
from residency.model.catalogue import catalogued_types
from residency.model.platform_settings import EKS_CLUSTER_ARN
from residency.reading import UnreadableFileError, parse_yaml

REGION_LABEL = "topology.kubernetes.io/region"
EKS_SERVER_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+?([a-z]{2}(?:-[a-z]+)+-\d+)\.eks\.amazonaws\.com(?:\.cn)?$")
"""An EKS API server endpoint, `<id>.<suffix>.<region>.eks.amazonaws.com`: the one place a connection really goes."""
REGION_ENV = ("AWS_REGION", "AWS_DEFAULT_REGION")
PROVIDER_NAMES = ("clusterIdentifier", "context", "cluster")
"""Provider settings that may hold a cluster ARN. Each is only a name: evidence, never the whole answer."""
CONNECTION_SETTINGS = (*PROVIDER_NAMES, "kubeconfig")
"""Provider settings that decide (or name) the cluster the provider connects to."""

_TEMPLATE_SPEC = ("spec", "template", "spec")
POD_SPEC_BY_KIND: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    "PodTemplate": ("template", "spec"),
    "Deployment": _TEMPLATE_SPEC,
    "StatefulSet": _TEMPLATE_SPEC,
    "DaemonSet": _TEMPLATE_SPEC,
    "ReplicaSet": _TEMPLATE_SPEC,
    "ReplicationController": _TEMPLATE_SPEC,
    "Job": _TEMPLATE_SPEC,
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}
"""Where each kind that runs pods keeps its pod spec; the same in every API version (apps/v1beta2, batch/v1beta1)."""
WORKLOAD_GROUPS = frozenset({"core", "apps", "batch", "extensions"})
SCHEDULING = frozenset({"nodeSelector", "affinity"})


def _runs_pods(token: str) -> bool:
    parts = token.split(":")
    return (
        len(parts) == 3
        and parts[0] == "kubernetes"
        and parts[1].split("/")[0] in WORKLOAD_GROUPS
        and (parts[2].removesuffix("List").removesuffix("Patch") in POD_SPEC_BY_KIND)
    )


DATA_TYPES = frozenset(
    {
        *(t for t in catalogued_types() if _runs_pods(t) and not t.endswith(("List", "Patch"))),
        "kubernetes:core/v1:PersistentVolumeClaim",
    }
)
"""Kubernetes objects that must declare their data class: every kind that runs pods, and volume claims."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One setting that names the cluster's region, and where it was found."""

    region: str
    where: str


class UnreadableKubeconfigError(Exception):
    """The kubeconfig decides the connection but cannot be read: the region cannot be determined."""


LOCAL_COMPONENTS = frozenset(
    {
        "kubernetes:helm.sh/v2:Chart",
        "kubernetes:helm.sh/v3:Chart",
        "kubernetes:yaml:ConfigFile",
        "kubernetes:yaml:ConfigGroup",
        "kubernetes:kustomize:Directory",
    }
)
"""Components the Python SDK expands inside the program (helm template, YAML parsing): the engine sends policy packs
no provider for them, only for the objects they create."""


def cluster_region(provider: ProviderInput | None, token: str = "") -> tuple[str | None, str]:
    """The EKS cluster's region when every piece of evidence the provider gives names the same one.

    The cluster identifier, context and cluster settings are free-form names; the kubeconfig's server is where the
    provider connects. A name that disagrees with the server (or the token's region) is a lie or a mistake, and
    either way the region is not known: fail closed rather than trust the first setting found.
    """
    # The engine fills the default provider from stack config (`kubernetes:context`, `kubernetes:kubeconfig`...):
    # those settings are the same evidence as an explicit provider's. Without any, it connects through the ambient
    # kubeconfig of the deploying machine, which no policy pack can read.
    if provider is None and token in LOCAL_COMPONENTS:
        return None, (
            f"a {token.split(':', 1)[1]} is expanded inside the program and reaches policy packs without its "
            "provider, so its cluster cannot be determined from it (offline, its objects are not rendered either): "
            "use kubernetes.helm.v4.Chart, yaml.v2 or kustomize.v2, which are judged with their provider"
        )
    if provider is None or (provider.is_default and not any(k in provider.props for k in CONNECTION_SETTINGS)):
        return None, (
            "the default Kubernetes provider connects through the ambient kubeconfig ($KUBECONFIG or "
            "~/.kube/config), which names no cluster region the pack can read: set kubernetes:context to the EKS "
            "cluster ARN in the stack config, or pass a kubernetes.Provider whose cluster_identifier is that ARN"
        )
    props = reveal(provider.props)
    evidence: list[Evidence] = []
    for key in PROVIDER_NAMES:
        value = props.get(key)
        if is_unknown(value):
            return None, f"{_setting(provider, key, 'Kubernetes provider')} is unknown during preview"
        region = arn_region(value)
        if region:
            evidence.append(Evidence(region, f"EKS cluster ARN in {_setting(provider, key)}"))
    try:
        evidence += kubeconfig_evidence(props, provider)
    except UnreadableKubeconfigError as exc:
        return None, (
            f"{_setting(provider, 'kubeconfig', 'Kubernetes provider')} {exc}, so the cluster's region cannot be "
            "determined"
        )
    return _verdict(evidence, provider)


def _setting(provider: ProviderInput, key: str, kind: str = "provider") -> str:
    """Where a setting was read, as its author finds it: the engine builds the default provider from stack config."""
    return f"stack config kubernetes:{key}" if provider.is_default else f"{kind} {provider.name}'s {key}"


def _verdict(evidence: list[Evidence], provider: ProviderInput) -> tuple[str | None, str]:
    regions = sorted({e.region for e in evidence})
    if len(regions) == 1:
        return regions[0], "; ".join(dict.fromkeys(e.where for e in evidence))
    who = "the default Kubernetes provider" if provider.is_default else f"Kubernetes provider {provider.name}"
    if regions:
        shown = "; ".join(f"{e.region} ({e.where})" for e in evidence)
        return None, f"{who}'s settings name more than one region: {shown}"
    if provider.is_default:
        return None, (
            f"{who}'s stack config (kubernetes:*) names no EKS cluster ARN (set kubernetes:context to the cluster "
            "ARN, or kubernetes:clusterIdentifier)"
        )
    return None, f"{who} names no EKS cluster ARN (set clusterIdentifier, or a context that is the cluster ARN)"


def kubeconfig_evidence(props: dict[str, Any], provider: ProviderInput) -> list[Evidence]:
    """Region evidence in the kubeconfig, from the context the provider will use (or every one, if none is chosen)."""
    doc = _read_kubeconfig(props.get("kubeconfig"))
    if doc is None:
        return []
    where = _setting(provider, "kubeconfig")
    chosen = props.get("context") if isinstance(props.get("context"), str) else doc.get("current-context")
    if not chosen:
        # No context is chosen: any entry may be the one used, so every entry is evidence.
        return _entries_evidence(doc, _named(doc, "clusters"), _named(doc, "users"), [], where)
    contexts = _named(doc, "contexts")
    if chosen not in contexts:
        raise UnreadableKubeconfigError(f"has no context {chosen!r} (the context the provider would use)")
    context = contexts[chosen] if isinstance(contexts[chosen], dict) else {}
    cluster_name = props.get("cluster") if isinstance(props.get("cluster"), str) else context.get("cluster")
    clusters, users = _named(doc, "clusters"), _named(doc, "users")
    if cluster_name not in clusters:
        raise UnreadableKubeconfigError(f"has no cluster {cluster_name!r} (the cluster of context {chosen!r})")
    user = context.get("user")
    picked_users = {user: users[user]} if isinstance(user, str) and user in users else {}
    names = [n for n in (chosen, cluster_name, user) if isinstance(n, str)]
    return _entries_evidence(doc, {cluster_name: clusters[cluster_name]}, picked_users, names, where)


def _read_kubeconfig(raw: Any) -> dict[str, Any] | None:
    """The kubeconfig as a mapping (it may be YAML or JSON text, or an object); None when none is given."""
    if raw is None or raw == "":
        return None
    if is_unknown(raw):
        raise UnreadableKubeconfigError("is unknown during preview")
    if raw == SECRET_SHOWN:
        raise UnreadableKubeconfigError("is a secret whose value the pack cannot read")
    doc = raw
    if isinstance(raw, str):
        try:
            doc = parse_yaml(raw, Path("kubeconfig"))  # program input: an alias bomb must not hang the pack
        except UnreadableFileError as exc:
            raise UnreadableKubeconfigError(f"cannot be read as YAML or JSON ({exc.problem})") from None
    if not isinstance(doc, dict):
        # The provider also accepts a file path: that file is read on the deploying machine, out of the pack's sight.
        raise UnreadableKubeconfigError("is not a kubeconfig document (a file path, or text the pack cannot read)")
    text = json.dumps(doc, default=str)
    if any(sentinel in text for sentinel in UNKNOWN_SENTINELS):
        # An unknown server, context or token region could be anywhere: one is enough to lose the answer.
        raise UnreadableKubeconfigError("holds values that are unknown during preview")
    return doc


def _named(doc: dict[str, Any], section: str) -> dict[str, Any]:
    """`clusters`, `contexts` or `users` by name, each the inner mapping (`cluster`, `context`, `user`)."""
    inner = section.removesuffix("s")
    entries: dict[str, Any] = {}
    for entry in as_list(doc.get(section)):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            entries[entry["name"]] = entry.get(inner)
    return entries


def _entries_evidence(
    doc: dict[str, Any], clusters: dict[str, Any], users: dict[str, Any], names: list[str], where: str
) -> list[Evidence]:
    found: list[Evidence] = []
    # Cluster ARNs anywhere in the chosen entries (or the whole document when none is chosen) are names too.
    text = json.dumps([names, clusters, users] if names else doc, default=str)
    for region in dict.fromkeys(EKS_CLUSTER_ARN.findall(text)):
        found.append(Evidence(region, f"EKS cluster ARN in {where}"))
    for cluster_name, cluster in clusters.items():
        found += _server_evidence(cluster_name, cluster, where)
    for user_name, user in users.items():
        found += _exec_evidence(user_name, user, where)
    return found


def _server_evidence(cluster_name: str, cluster: Any, where: str) -> list[Evidence]:
    server = get_path(cluster, "server")
    if server is None:
        return []
    try:
        host = urlsplit(str(server)).hostname or str(server)
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket) is no EKS endpoint either
        host = str(server)
    match = EKS_SERVER_HOST.match(host.lower())
    if match is None:
        raise UnreadableKubeconfigError(f"connects cluster {cluster_name!r} to {server}, which is not an EKS endpoint")
    return [Evidence(match.group(1), f"EKS endpoint {server} (server of cluster {cluster_name!r} in {where})")]


def _exec_evidence(user_name: str, user: Any, where: str) -> list[Evidence]:
    """The region the exec credential plugin (`aws eks get-token --region R`, AWS_REGION) asks for a token in."""
    found: list[Evidence] = []
    args = [a for a in as_list(get_path(user, "exec", "args")) if isinstance(a, str)]
    for i, arg in enumerate(args):
        if arg.startswith("--region="):
            value = arg.removeprefix("--region=")
        elif arg == "--region":
            value = args[i + 1] if i + 1 < len(args) else ""
        else:
            continue
        if not value:
            raise UnreadableKubeconfigError(f"gives user {user_name!r} an exec --region without a value")
        found.append(Evidence(value, f"--region {value} in the exec args of user {user_name!r} in {where}"))
    for env in as_list(get_path(user, "exec", "env")):
        if isinstance(env, dict) and env.get("name") in REGION_ENV and isinstance(env.get("value"), str):
            shown = f"{env['name']}={env['value']}"
            found.append(Evidence(env["value"], f"{shown} in the exec env of user {user_name!r} in {where}"))
    return found


def pod_spec_path(resource_type: str) -> tuple[str, ...] | None:
    """Where the pod spec sits in a kind that runs pods (every API version, its Patch and List), else None."""
    if not _runs_pods(resource_type):
        return None
    return POD_SPEC_BY_KIND[resource_type.rsplit(":", 1)[1].removesuffix("List").removesuffix("Patch")]


def workload_objects(resource_type: str, props: Any) -> list[Any]:
    """The workloads a resource declares, each with its own metadata and pod spec: a List's items, else itself."""
    return as_list(get_path(props, "items")) if resource_type.endswith("List") else [props]


def pinned_regions(resource_type: str, props: dict[str, Any]) -> tuple[str, ...] | None:
    """Regions pods may run in (nodeSelector and required node affinity): () when unpinned, None for non-workloads."""
    path = pod_spec_path(resource_type)
    if path is None:
        return None
    revealed = reveal(props)
    if resource_type.endswith("List"):
        return _list_pins([get_path(item, *path) for item in workload_objects(resource_type, revealed)])
    spec = get_path(revealed, *path)
    if resource_type.endswith("Patch") and not (isinstance(spec, dict) and SCHEDULING.intersection(spec)):
        # A patch merges into the live object: one that sets neither nodeSelector nor affinity leaves the pins as
        # they are, so there is nothing to judge here (the object it patches is judged where it is declared).
        return None
    return _spec_pins(spec)


def _list_pins(specs: list[Any]) -> tuple[str, ...] | None:
    """A list of workloads is pinned only where every item is: one unpinned item unpins the list."""
    if not specs:
        return None
    regions: set[str] = set()
    for spec in specs:
        pins = _spec_pins(spec)
        if not pins:
            return ()
        regions.update(pins)
    return tuple(sorted(regions))


def _spec_pins(spec: Any) -> tuple[str, ...]:
    """nodeSelector and required affinity both apply (ANDed); None from either means it does not restrict."""
    spec = spec if isinstance(spec, dict) else {}
    allowed = _affinity_regions(spec)
    selected = get_path(spec, "nodeSelector", REGION_LABEL)
    if isinstance(selected, str) and selected and not is_unknown(selected):
        allowed = {selected} if allowed is None else allowed & {selected}
    return () if allowed is None else tuple(sorted(allowed))


def _affinity_regions(spec: dict[str, Any]) -> set[str] | None:
    """Regions the required node affinity allows, None when it does not restrict the region.

    Kubernetes ORs nodeSelectorTerms: a pod may land on a node matching any one term, so the pods are pinned only
    when every term pins the region, and then to the union of what the terms allow.
    """
    terms = get_path(
        spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"
    )
    if not isinstance(terms, list) or not terms:
        return None
    regions: set[str] = set()
    for term in terms:
        allowed = _term_regions(term)
        if allowed is None:
            return None
        regions |= allowed
    return regions


def _term_regions(term: Any) -> set[str] | None:
    """Regions one term allows: its matchExpressions are ANDed; only `In` pins, `NotIn` only narrows a pin.

    Exists, DoesNotExist, Gt and Lt allow nodes of any region; matchFields select nodes by name, not region. An
    empty term is treated as unrestricted (the API says it matches nothing, but assuming that could only open a hole).
    """
    expressions = get_path(term, "matchExpressions")
    pinned: set[str] | None = None
    excluded: set[str] = set()
    for expr in as_list(expressions) if isinstance(expressions, list) else []:
        if not isinstance(expr, dict) or expr.get("key") != REGION_LABEL:
            continue
        values = as_list(expr.get("values"))
        if not all(isinstance(v, str) and not is_unknown(v) for v in values):
            continue  # an unknown value could name any region: this expression pins nothing
        if expr.get("operator") == "In":
            pinned = set(values) if pinned is None else pinned & set(values)
        elif expr.get("operator") == "NotIn":
            excluded |= set(values)
    return None if pinned is None else pinned - excluded
