"""Effective region: the resource's own `region` > its provider's > stack `aws:region` > environment.

Resources read from state files also carry outputs: their `region` output and ARN count after the provider.
"""

import json
from collections.abc import Mapping
from typing import Any

from residency.facts.kubernetes import cluster_region
from residency.facts.references import ENDPOINT_REGION
from residency.facts.resource import ResourceInput
from residency.facts.values import EXISTING_REGION, arn_region, is_unknown, reveal

ENV_KEYS = ("AWS_REGION", "AWS_DEFAULT_REGION")


def effective_region(
    res: ResourceInput, stack_config: Mapping[str, Any], env: Mapping[str, str]
) -> tuple[str | None, str]:
    """(region, where it came from) or (None, what could not be determined)."""
    if res.type.startswith("pulumi:providers:aws"):
        region = reveal(res.props.get("region"))
        return (
            (region, "provider configuration")
            if isinstance(region, str) and not is_unknown(region)
            else (None, "provider sets no region")
        )
    if res.type.startswith("kubernetes:"):
        return cluster_region(res.provider, res.type)
    if not res.type.startswith("aws:"):
        return None, "not an AWS resource"
    own = reveal(res.props.get("region"))
    if isinstance(own, str) and own.startswith(EXISTING_REGION):
        return None, (
            f"it is an existing resource read with get ({own.removeprefix(EXISTING_REGION)}): it lives wherever it "
            "was made, which neither its id nor the provider it is read through determines"
        )
    if is_unknown(own):
        return None, "the resource's region input is unknown during preview"
    if isinstance(own, str) and own:
        return own, "resource region input"
    provider = res.provider
    if provider is None or provider.is_default:
        # the engine builds the default provider from stack config, endpoints included
        unplaced = unplaced_endpoints(stack_config.get("aws:endpoints"))
        if unplaced:
            return None, (
                f"stack config aws:endpoints sends API calls to {', '.join(unplaced)}, whose region cannot be "
                "determined"
            )
    if provider is not None:
        region = reveal(provider.props.get("region"))
        if is_unknown(region):
            return None, f"the region of provider {provider.name} is unknown during preview"
        elsewhere = sorted(r for r in endpoint_regions(provider.props) if r != region)
        if elsewhere:
            return None, (
                f"provider {provider.name} sends API calls to endpoints in {', '.join(elsewhere)} (its endpoints "
                f"setting), whatever its region says"
            )
        unplaced = unplaced_endpoints(provider.props.get("endpoints"))
        if unplaced:
            return None, (
                f"provider {provider.name} sends API calls to {', '.join(unplaced)} (its endpoints setting), whose "
                "region cannot be determined"
            )
        if isinstance(region, str) and region:
            source = "stack aws:region (default provider)" if provider.is_default else f"provider {provider.name}"
            return region, source
    recorded = _from_outputs(res)
    if recorded is not None:
        return recorded
    if provider is not None and not provider.is_default:
        return None, f"provider {provider.name} sets no region"
    stack_region = stack_config.get("aws:region")
    if isinstance(stack_region, str) and stack_region:
        return stack_region, "stack aws:region"
    for key in ENV_KEYS:
        if env.get(key):
            return env[key], f"environment variable {key} (no aws:region in stack config)"
    return None, "no region input, no provider region, no stack aws:region and no AWS_REGION"


def endpoint_regions(provider_props: Mapping[str, Any]) -> set[str]:
    """Regions named by a provider's custom service endpoints (`endpoints: [{s3: https://...}]`)."""
    raw = reveal(provider_props.get("endpoints"))
    if raw is None:
        return set()
    # Explicit providers receive complex settings as JSON text; the default provider as parsed config.
    text = raw if isinstance(raw, str) else json.dumps(raw)
    return {m.group(1) for m in ENDPOINT_REGION.finditer(text)}


GLOBAL_CONTROL_SERVICES = frozenset({"iam", "sts", "organizations", "route53", "route53domains", "account"})
"""Services AWS serves from one region-less host and that hold no customer data: a global endpoint for them is fine."""


def unplaced_endpoints(raw: Any) -> list[str]:
    """Custom endpoints whose region cannot be read: a host outside AWS (another object store, a proxy, an IP
    address) or an AWS host naming no region. Whatever the provider's region, data goes where they point."""
    raw = reveal(raw)
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return [f"an endpoints setting that cannot be read ({raw[:60]!r})"] if raw.strip() else []
    if is_unknown(raw):
        return ["endpoints unknown during preview"]
    out: list[str] = []
    for entry in raw if isinstance(raw, list) else [raw]:
        if not isinstance(entry, dict):
            continue
        for service, url in entry.items():
            url = reveal(url)
            if is_unknown(url):
                out.append(f"{service}: an endpoint unknown during preview")
            elif (
                isinstance(url, str)
                and url
                and service not in GLOBAL_CONTROL_SERVICES
                and ENDPOINT_REGION.search(url.lower()) is None
            ):
                out.append(f"{service}: {url}")
    return sorted(out)


def _from_outputs(res: ResourceInput) -> tuple[str, str] | None:
    region = reveal(res.outputs.get("region"))
    if isinstance(region, str) and region and not is_unknown(region):
        return region, "recorded region output"
    from_arn = arn_region(reveal(res.outputs.get("arn")))
    if from_arn:
        return from_arn, "recorded ARN"
    return None
