"""A provider plugin from somewhere other than Pulumi's releases makes its resources could-not-evaluate."""

import pytest

from residency.facts.plugin_source import untrusted_plugin
from residency.facts.resource import ProviderInput
from residency.facts.values import UNKNOWN
from residency.gate.engine.resources import to_resource_inputs


def provider(props: dict[str, object]) -> ProviderInput:
    return ProviderInput("pulumi:providers:aws", "urn:p", "p", {"region": "ap-southeast-3", **props})


@pytest.mark.parametrize(
    "url",
    [
        "https://plugins.partner.example.de/",
        "github://api.github.com/partner",
        "github://api.github.com/pulumi-partner",
        "https://get.pulumi.com/releases/plugins-mirror.example/",
        UNKNOWN,
    ],
)
def test_a_plugin_from_elsewhere_is_untrusted(url: str) -> None:
    why = untrusted_plugin(provider({"pluginDownloadURL": url}))
    assert why is not None and "not from Pulumi's releases" in why


@pytest.mark.parametrize(
    "props",
    [{}, {"pluginDownloadURL": ""}, {"pluginDownloadURL": "https://get.pulumi.com/releases/plugins/"}],
    ids=["none", "empty", "pulumi"],
)
def test_pulumis_own_plugins_are_trusted(props: dict[str, object]) -> None:
    assert untrusted_plugin(provider(props)) is None


def test_a_resource_asking_for_a_plugin_source_gets_its_own_default_provider() -> None:
    record = {
        "urn": "urn:pulumi:s::p::aws:sqs/queue:Queue::q",
        "type": "aws:sqs/queue:Queue",
        "name": "q",
        "custom": True,
        "inputs": {},
        "plugin": {"pluginDownloadURL": "https://x.example/", "version": "7.1.0"},
    }
    plain = {**record, "urn": "urn:pulumi:s::p::aws:sqs/queue:Queue::r", "name": "r", "plugin": {}}
    sourced, default = to_resource_inputs([record, plain], "p", "s", {"aws:region": "ap-southeast-3"})
    assert sourced.provider is not None and sourced.provider.name == "default_7_1_0"
    assert sourced.provider.props["pluginDownloadURL"] == "https://x.example/"
    assert sourced.provider.props["region"] == "ap-southeast-3"
    assert default.provider is not None and default.provider.name == "default"
