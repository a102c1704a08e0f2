"""Compliant baseline resources per type, and a helper to run one rule over them (baseline-then-mutate)."""

import copy
from collections.abc import Mapping
from typing import Any

from residency.facts.builder import build_facts
from residency.facts.resource import ProviderInput, ResourceInput
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.rules.base import Rule, RuleContext
from tests.conftest import ID_ONLY

JKT = ProviderInput(
    "pulumi:providers:aws", "urn:pulumi:s::p::pulumi:providers:aws::jkt", "jkt", {"region": "ap-southeast-3"}
)
SIN = ProviderInput(
    "pulumi:providers:aws", "urn:pulumi:s::p::pulumi:providers:aws::sin", "sin", {"region": "ap-southeast-1"}
)
IAD = ProviderInput(
    "pulumi:providers:aws", "urn:pulumi:s::p::pulumi:providers:aws::iad", "iad", {"region": "us-east-1"}
)
KEY_ARN = "arn:aws:kms:ap-southeast-3:123456789012:key/1111"
SIN_KEY_ARN = "arn:aws:kms:ap-southeast-1:123456789012:key/2222"
STACK_CONFIG = {"aws:region": "ap-southeast-3"}


def tags(data_class: str = "customer-pii", collection: str | None = None) -> dict[str, str]:
    out = {"data-class": data_class}
    if collection:
        out["collection"] = collection
    return out


def res(
    type_: str,
    name: str,
    props: dict[str, Any],
    provider: ProviderInput | None = JKT,
    deps: Mapping[str, tuple[str, ...]] | None = None,
) -> ResourceInput:
    return ResourceInput(
        urn=f"urn:pulumi:s::p::{type_}::{name}",
        type=type_,
        name=name,
        props=props,
        provider=provider,
        property_dependencies=dict(deps or {}),
    )


def bucket(
    name: str = "pii", data_class: str = "customer-pii", provider: ProviderInput | None = JKT, **extra: Any
) -> list[ResourceInput]:
    """A compliant bucket with its v7 companions (SSE-KMS, public access block, versioning)."""
    physical = f"{name}-bkt"
    key = SIN_KEY_ARN if provider is SIN else KEY_ARN
    return [
        res(
            "aws:s3/bucket:Bucket",
            name,
            {"bucket": physical, "forceDestroy": False, "tags": tags(data_class), **extra},
            provider,
        ),
        res(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            f"{name}-sse",
            {
                "bucket": physical,
                "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key}}],
            },
            provider,
        ),
        res(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            f"{name}-pab",
            {
                "bucket": physical,
                "blockPublicAcls": True,
                "blockPublicPolicy": True,
                "ignorePublicAcls": True,
                "restrictPublicBuckets": True,
            },
            provider,
        ),
        res(
            "aws:s3/bucketVersioning:BucketVersioning",
            f"{name}-ver",
            {"bucket": physical, "versioningConfiguration": {"status": "Enabled"}},
            provider,
        ),
    ]


def database(name: str = "db", data_class: str = "customer-pii", **extra: Any) -> ResourceInput:
    props = {
        "identifier": name,
        "engine": "postgres",
        "storageEncrypted": True,
        "kmsKeyId": KEY_ARN,
        "deletionProtection": True,
        "skipFinalSnapshot": False,
        "publiclyAccessible": False,
        "tags": tags(data_class),
        **extra,
    }
    return res("aws:rds/instance:Instance", name, props)


def log_group(name: str = "logs", data_class: str = "api-log", days: int | None = 365, **extra: Any) -> ResourceInput:
    props: dict[str, Any] = {"name": name, "kmsKeyId": KEY_ARN, "tags": tags(data_class), **extra}
    if days is not None:
        props["retentionInDays"] = days
    return res("aws:cloudwatch/logGroup:LogGroup", name, props)


def mutate(resources: list[ResourceInput], index: int, path: tuple[str | int, ...], value: Any) -> list[ResourceInput]:
    """Copy of `resources` with one property changed (value None deletes it)."""
    out = list(resources)
    target = out[index]
    props = copy.deepcopy(target.props)
    node: Any = props
    for part in path[:-1]:
        node = node[part]
    if value is None:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    out[index] = ResourceInput(
        target.urn,
        target.type,
        target.name,
        props,
        target.provider,
        target.parent,
        target.dependencies,
        target.property_dependencies,
    )
    return out


def run(
    rule: Rule,
    resources: list[ResourceInput],
    posture: Posture = ID_ONLY,
    config: Mapping[str, Any] = STACK_CONFIG,
    env: Mapping[str, str] | None = None,
    known: Mapping[str, DataClass] | None = None,
) -> list[str]:
    facts = build_facts(resources, config, env or {}, known)
    return [message for _, message in rule.run(facts, RuleContext(posture))]
