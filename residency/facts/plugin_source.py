"""A provider plugin downloaded from somewhere other than Pulumi's releases is code the pack cannot judge.

The pack reads an `aws` resource as what the `aws` provider does with it. A provider given a `pluginDownloadURL`
(on the provider, or on a resource, which then gets a default provider of its own) runs whatever binary that URL
serves, with the deployer's credentials: it may create the declared table in Jakarta and copy it abroad. What its
resources do and where cannot be determined, so every resource it manages is could-not-evaluate (fail closed).
"""

from residency.facts.resource import ProviderInput
from residency.facts.values import is_unknown, reveal

PLUGIN_URL = "pluginDownloadURL"
OFFICIAL = ("https://get.pulumi.com/releases/plugins", "github://api.github.com/pulumi")
"""Pulumi's own plugin sources; no URL at all means the same."""


def _official(url: str) -> bool:
    # whole path segments only: "github://api.github.com/pulumi-partner" is someone else's organisation
    bare = url.rstrip("/")
    return any(bare == source or bare.startswith(source + "/") for source in OFFICIAL)


def untrusted_plugin(provider: ProviderInput | None) -> str | None:
    """Why the provider's plugin cannot be trusted to do what its resource types say, or None."""
    if provider is None:
        return None
    url = reveal(provider.props.get(PLUGIN_URL))
    if not url:
        return None
    if isinstance(url, str) and not is_unknown(url) and _official(url):
        return None
    shown = url if isinstance(url, str) and not is_unknown(url) else "a source unknown during preview"
    return (
        f"provider {provider.name} runs a plugin downloaded from {shown}, not from Pulumi's releases: what its "
        "resources do, and where, cannot be determined"
    )
