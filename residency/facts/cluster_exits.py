"""An in-cluster name for a place outside the cluster is a conduit to that place.

A workload posting to `https://partner-export.kyc.svc.cluster.local/` looks as if it talks to the cluster, and the
pack rightly treats in-cluster URLs as local. But a Service of type ExternalName is a DNS alias for any host (a
partner in Frankfurt), and a selector-less Service's hand-written Endpoints or EndpointSlice may list any address:
what is sent to the in-cluster name lands there. An Ingress that mirrors its requests (ingress-nginx
`mirror-target` / `mirror-host`) sends a copy of every request, body and all, to the host it names. Such an object
is judged as a mover placed where it leads: the region an AWS endpoint host names, else (a host or public address
outside AWS) a region that cannot be determined, so anything it may carry fails closed. Cluster-local names and
private addresses stay in the cluster's region.
"""

import ipaddress
import re
from collections.abc import Iterator
from typing import Any

from residency.facts.references import AWS_HOST, ENDPOINT_REGION, LOCAL_URL
from residency.facts.resource import ResourceInput
from residency.facts.values import as_list, get_path, is_unknown, reveal
from residency.model.catalogue import Role, TypeEntry

EXIT = TypeEntry(Role.MOVER, "an in-cluster name for a place outside the cluster: traffic sent to it lands there")

SERVICE = "kubernetes:core/v1:Service"
ENDPOINTS = "kubernetes:core/v1:Endpoints"
ENDPOINT_SLICE = "kubernetes:discovery.k8s.io/v1:EndpointSlice"
INGRESSES = (
    "kubernetes:networking.k8s.io/v1:Ingress",
    "kubernetes:networking.k8s.io/v1beta1:Ingress",
    "kubernetes:extensions/v1beta1:Ingress",
)
MIRROR_ANNOTATIONS = ("/mirror-target", "/mirror-host")
"""ingress-nginx annotations that copy every request to another host."""
CLUSTER_NAME = re.compile(r"(?:^|\.)(?:svc|cluster\.local)\.?$|^[a-z0-9-]+$", re.IGNORECASE)
"""A name the cluster's own DNS answers: `x.ns.svc.cluster.local`, `x.ns.svc`, or a bare service name."""


def _kind(token: str) -> str:
    """The token without its List/Patch suffix: a patch of a Service sets the same fields."""
    return token.removesuffix("Patch")


NAME_FOR = "is an in-cluster name for"
MIRRORS = "mirrors every request to"


def _targets(res: ResourceInput) -> Iterator[tuple[str, Any]]:
    """(how, host) for the hosts and addresses an object sends in-cluster traffic to."""
    props = reveal(res.props)
    kind = _kind(res.type)
    if kind == SERVICE:
        kind_of = get_path(props, "spec", "type")
        if is_unknown(kind_of) or kind_of == "ExternalName":
            yield NAME_FOR, get_path(props, "spec", "externalName")
    elif kind == ENDPOINTS:
        for subset in as_list(props.get("subsets")):
            for address in as_list(get_path(subset, "addresses")) + as_list(get_path(subset, "notReadyAddresses")):
                yield NAME_FOR, get_path(address, "ip")
    elif kind == ENDPOINT_SLICE:
        for endpoint in as_list(props.get("endpoints")):
            yield from ((NAME_FOR, a) for a in as_list(get_path(endpoint, "addresses")))
    elif kind in INGRESSES:
        annotations = get_path(props, "metadata", "annotations")
        if is_unknown(annotations):
            return  # no different from any Ingress whose annotations are unknown: nothing names a mirror
        for key, value in (annotations or {}).items() if isinstance(annotations, dict) else ():
            if str(key).endswith(MIRROR_ANNOTATIONS):
                yield MIRRORS, _host(value)


def _host(url: Any) -> Any:
    """The host of `https://host:port/path$request_uri` or of a bare `host`."""
    if not isinstance(url, str) or is_unknown(url):
        return url
    bare = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    return re.split(r"[/$?#]", re.sub(r"^[^@/]*@", "", bare), maxsplit=1)[0].rsplit(":", 1)[0]


def leads_to(host: Any) -> tuple[str | None, str] | None:
    """(region, why) when `host` is outside the cluster; None when it stays in the cluster's network."""
    if host is None or host == "":
        return None
    if not isinstance(host, str) or is_unknown(host):
        return None, "an address unknown during preview"
    name = host.strip().rstrip(".")
    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        return None if not address.is_global else (None, f"the public address {name}")
    if CLUSTER_NAME.search(name) or LOCAL_URL.match(f"tcp://{name}"):
        return None
    # Only a name that ends in an AWS domain is an AWS endpoint: `...amazonaws.com.partner.de` is the partner's.
    aws = AWS_HOST.match(name)
    region = ENDPOINT_REGION.search(aws.group("host").lower()) if aws else None
    if region is not None:
        return region.group(1), f"the AWS endpoint {name}"
    return None, f"the host {name}, outside the cluster and outside AWS"


def cluster_exit(res: ResourceInput, region: str | None) -> tuple[str | None, str] | None:
    """(where the object leads, why) when it names a place outside the cluster's region, else None."""
    if _kind(res.type) not in (SERVICE, ENDPOINTS, ENDPOINT_SLICE, *INGRESSES):
        return None
    for how, target in _targets(res):
        found = leads_to(target)
        if found is None or (found[0] is not None and found[0] == region):
            continue
        there, what = found
        why = f"{res.name} {how} {what}: what is sent to it lands there"
        return there, why if there is not None else f"{why}, in a region that cannot be determined"
    return None
