"""Pins the pack's policy names and default levels, read over gRPC from the running pack as the engine does."""

import json

from residency.gate.analyzer_client import PackServer
from tests.gate.projects import POLICY_PACK

EXPECTED = [
    ("require-data-class-tag", "mandatory", "POLICY_TYPE_RESOURCE"),
    ("restrict-data-class-region", "mandatory", "POLICY_TYPE_STACK"),
    ("restrict-cross-region-replication", "mandatory", "POLICY_TYPE_STACK"),
    ("enforce-kms-same-region", "mandatory", "POLICY_TYPE_STACK"),
    ("enable-deletion-protection", "mandatory", "POLICY_TYPE_RESOURCE"),
    ("configure-retention", "mandatory", "POLICY_TYPE_RESOURCE"),
    ("enable-object-lock", "mandatory", "POLICY_TYPE_STACK"),
    ("disallow-public-access", "mandatory", "POLICY_TYPE_STACK"),
    ("require-data-movement-audit-trail", "mandatory", "POLICY_TYPE_STACK"),
    ("enforce-volume-region-topology", "mandatory", "POLICY_TYPE_STACK"),
    ("require-export-guard", "mandatory", "POLICY_TYPE_STACK"),
    ("require-valid-residency-settings", "mandatory", "POLICY_TYPE_STACK"),
    ("require-valid-exceptions", "mandatory", "POLICY_TYPE_STACK"),
    ("residency-exceptions", "advisory", "POLICY_TYPE_STACK"),
]


def test_pack_policies_and_levels_are_pinned() -> None:
    from google.protobuf import empty_pb2
    from pulumi.runtime.proto import analyzer_pb2

    with PackServer(POLICY_PACK, {"PULUMI_CONFIG": json.dumps({})}) as pack:
        name, policies = pack.info()
        raw = pack.stub.GetAnalyzerInfo(empty_pb2.Empty())
    assert name == "kyc-data-residency"
    kinds = {p.name: analyzer_pb2.PolicyType.Name(p.policy_type) for p in raw.policies}
    assert [(p.name, p.level, kinds[p.name]) for p in policies] == EXPECTED
    assert all("acceptedSccReferences" in p.config_schema.get("properties", {}) for p in policies)


def test_the_policy_directory_is_publishable() -> None:
    """`pulumi policy publish` uploads policy/: it must install its rules from requirements, not a local path."""
    import tomllib

    import yaml

    from tests.gate.projects import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = [
        line.strip()
        for line in (POLICY_PACK / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert requirements == [f"{project['name']}>=0.1,<0.2"] and project["version"].startswith("0.1.")
    runtime = yaml.safe_load((POLICY_PACK / "PulumiPolicy.yaml").read_text())["runtime"]
    virtualenv = (POLICY_PACK / runtime["options"]["virtualenv"]).resolve()
    assert virtualenv.is_relative_to(POLICY_PACK.resolve())
    assert "sys.path" not in (POLICY_PACK / "__main__.py").read_text()
