"""A pod whose names are resolved outside the cluster's DNS sends its data wherever that resolution says.

The pack reads where a workload's data goes from the endpoints it names: `s3.ap-southeast-3.amazonaws.com` is
Jakarta. A pod spec can change what those names mean. `hostAliases` writes `/etc/hosts`: an AWS service host
mapped to any address (a partner's server abroad, or a private address reached through a peering) no longer goes
where its name says, and any host mapped to a public address goes there. Each such alias is a reference to a
place whose region cannot be determined, so what the workload handles fails closed. (A public resolver in
`dnsConfig.nameservers` is already an outside endpoint: its key names a server.)
"""

import ipaddress
from typing import Any

from residency.facts.kubernetes import pod_spec_path, workload_objects
from residency.facts.references import AWS_HOST
from residency.facts.resource import Direction, Reference, ResourceFacts
from residency.facts.values import as_list, get_path, is_unknown, reveal


def _public(address: Any) -> bool:
    """A globally routable address, or one the preview cannot read (fail closed)."""
    if not isinstance(address, str) or is_unknown(address):
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_global
    except ValueError:
        return True  # not an address at all: whatever it resolves to is unknown


def _aliases(path: str, spec: dict[str, Any]) -> list[Reference]:
    found = []
    for alias in as_list(spec.get("hostAliases")):
        address = get_path(alias, "ip")
        names = [n for n in as_list(get_path(alias, "hostnames")) if isinstance(n, str)]
        remapped = [n for n in names if AWS_HOST.match(n)]
        if not (_public(address) or remapped):
            continue
        shown = ", ".join(remapped or names) or "a host"
        where = address if isinstance(address, str) and not is_unknown(address) else "an address unknown during preview"
        found.append(
            Reference(
                f"{path}.hostAliases",
                Direction.DESTINATION,
                None,
                None,
                f"{shown} -> {where}",
                f"hostAliases sends {shown} to {where}, not where the name says: where its data goes is unknown",
            )
        )
    return found


def dns_overrides(f: ResourceFacts) -> list[Reference]:
    """References to the places a workload's DNS overrides may send its data (none for other types)."""
    path = pod_spec_path(f.type)
    if path is None:
        return []
    props = reveal(f.props)
    found: list[Reference] = []
    for spec in (get_path(w, *path) for w in workload_objects(f.type, props)):
        if isinstance(spec, dict):
            found += _aliases(".".join(path), spec)
    return found
