from typing import Any

import boto3
import pytest

from residency.audit.clients import ClientFactory
from tests.audit.conftest import FAST_RETRY, JKT, SIN, audit


def test_keys_are_named_by_their_alias(aws: boto3.Session) -> None:
    kms = aws.client("kms", region_name=SIN)
    tags = [{"TagKey": "data-class", "TagValue": "customer-pii"}]
    aliased = kms.create_key(Tags=tags)["KeyMetadata"]
    kms.create_alias(AliasName="alias/kyc-pii-b", TargetKeyId=aliased["KeyId"])
    kms.create_alias(AliasName="alias/kyc-pii-a", TargetKeyId=aliased["KeyId"])
    bare = kms.create_key(Tags=tags)["KeyMetadata"]
    result = audit(aws, regions=[JKT, SIN])
    names = {r.urn: r.name for r in result.resources if r.type == "aws:kms/key:Key"}
    assert names[aliased["Arn"]] == "alias/kyc-pii-a"  # the first by name, the same on every run
    assert names[bare["Arn"]] == bare["KeyId"]
    placement = {f.urn: f.message for f in result.findings if f.policy == "restrict-data-class-region"}
    assert placement[aliased["Arn"]].startswith("alias/kyc-pii-a: customer-pii may not live in ap-southeast-1")


def test_a_multi_region_replica_is_named_by_its_alias(aws: boto3.Session) -> None:
    kms = aws.client("kms", region_name=JKT)
    tags = [{"TagKey": "data-class", "TagValue": "customer-pii"}]
    key = kms.create_key(MultiRegion=True, Tags=tags)["KeyMetadata"]
    replica = kms.replicate_key(KeyId=key["KeyId"], ReplicaRegion=SIN, Tags=tags)["ReplicaKeyMetadata"]
    aws.client("kms", region_name=SIN).create_alias(AliasName="alias/kyc-pii-sg", TargetKeyId=key["KeyId"])
    result = audit(aws, regions=[JKT, SIN])
    names = {r.urn: (r.type, r.name) for r in result.resources if r.type.startswith("aws:kms/")}
    assert names[replica["Arn"]] == ("aws:kms/replicaKey:ReplicaKey", "alias/kyc-pii-sg")


@pytest.mark.parametrize("manager", [None, "", 7, "customer"])
def test_a_key_whose_manager_is_missing_or_garbled_is_still_judged(aws: boto3.Session, manager: Any) -> None:
    """Only KeyManager AWS marks a key nobody tags; anything else must not drop a Singapore PII key from the audit."""
    kms = aws.client("kms", region_name=SIN)
    key = kms.create_key(MultiRegion=True, Tags=[{"TagKey": "data-class", "TagValue": "customer-pii"}])["KeyMetadata"]
    factory = ClientFactory(aws, retries=FAST_RETRY)

    def garble(parsed: dict[str, Any], **_: Any) -> None:
        if manager is None:
            parsed["KeyMetadata"].pop("KeyManager", None)
        else:
            parsed["KeyMetadata"]["KeyManager"] = manager

    factory.client("kms", SIN).meta.events.register("after-call.kms.DescribeKey", garble)
    result = audit(aws, regions=[JKT, SIN], factory=factory)
    placement = {f.urn for f in result.findings if f.policy == "restrict-data-class-region"}
    assert key["Arn"] in placement
