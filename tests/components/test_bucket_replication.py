"""BucketReplication: the role may do exactly the replication actions on exactly the source and destination."""

import json
from typing import Any

from components.bucket_replication import (
    DELETE_ACTION,
    DESTINATION_OBJECT_ACTIONS,
    SOURCE_BUCKET_ACTIONS,
    SOURCE_OBJECT_ACTIONS,
)
from residency.facts.resource import ResourceFacts
from residency.facts.values import reveal
from tests.components.conftest import one_for


def _grants(policy: dict[str, Any]) -> set[tuple[str, str]]:
    out = set()
    for statement in policy["Statement"]:
        assert statement["Effect"] == "Allow" and "NotAction" not in statement and "NotResource" not in statement
        for action in statement["Action"]:
            out.add((action, statement["Resource"]))
    return out


def _policy_of(facts: list[ResourceFacts], name: str) -> dict[str, Any]:
    policy = one_for(facts, "aws:iam/rolePolicy:RolePolicy", name)
    return dict(json.loads(reveal(policy.props["policy"])))


def expected_grants(src_arn: str, dst_arn: str, src_key: str, dst_key: str, deletes: bool) -> set[tuple[str, str]]:
    return (
        {(a, src_arn) for a in SOURCE_BUCKET_ACTIONS}
        | {(a, f"{src_arn}/*") for a in SOURCE_OBJECT_ACTIONS}
        | {(a, f"{dst_arn}/*") for a in (*DESTINATION_OBJECT_ACTIONS, *([DELETE_ACTION] if deletes else []))}
        | {("kms:Decrypt", src_key), ("kms:Encrypt", dst_key)}
    )


def test_the_watchlist_role_may_replicate_only_from_source_to_served(jakarta: list[ResourceFacts]) -> None:
    source = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-watchlist-source-bucket")
    served = one_for(jakarta, "aws:s3/bucket:Bucket", "platform-watchlist-served-bucket")
    config = one_for(jakarta, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "platform-watchlist-inbound")
    destination = config.props["rules"][0]["destination"]
    dst_arn = reveal(destination["bucket"])
    dst_key = reveal(destination["encryptionConfiguration"]["replicaKmsKeyId"])
    src_arn = f"arn:aws:s3:::{reveal(source.props['bucket'])}"
    assert dst_arn == f"arn:aws:s3:::{reveal(served.props['bucket'])}"
    grants = _grants(_policy_of(jakarta, "platform-watchlist-inbound-policy"))
    src_key = next(r for a, r in grants if a == "kms:Decrypt")
    assert src_key.startswith("arn:aws:kms:us-east-1:") and dst_key.startswith("arn:aws:kms:ap-southeast-3:")
    assert grants == expected_grants(src_arn, dst_arn, src_key, dst_key, deletes=False)


def test_every_replication_role_has_its_policy(jakarta: list[ResourceFacts]) -> None:
    roles = {
        f.resource.name
        for f in jakarta
        if f.type == "aws:iam/role:Role"
        and "replication" in f.resource.name
        or f.type == "aws:iam/role:Role"
        and f.resource.name.endswith(("-inbound-role", "-to-sg-sin-1-role"))
    }
    policies = {f.resource.name.removesuffix("-policy") for f in jakarta if f.type == "aws:iam/rolePolicy:RolePolicy"}
    assert roles and {r.removesuffix("-role") for r in roles} <= policies
