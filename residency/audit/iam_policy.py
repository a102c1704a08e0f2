"""The least-privilege, read-only IAM policy the audit needs, derived from what the collectors call."""

import json
from collections.abc import Iterable

from residency.audit.collectors import COLLECTORS

IAM_PREFIX = {"efs": "elasticfilesystem", "logs": "logs", "opensearch": "es", "resourcegroupstaggingapi": "tag"}
# API operations whose IAM action has another name.
IAM_ACTION = {
    ("s3", "ListBuckets"): "s3:ListAllMyBuckets",
    ("s3", "GetBucketEncryption"): "s3:GetEncryptionConfiguration",
    ("s3", "GetPublicAccessBlock"): "s3:GetBucketPublicAccessBlock",
    ("s3", "GetObjectLockConfiguration"): "s3:GetBucketObjectLockConfiguration",
    ("s3", "GetBucketReplication"): "s3:GetReplicationConfiguration",
    ("s3", "GetBucketTagging"): "s3:GetBucketTagging",
    ("logs", "ListTagsForResource"): "logs:ListTagsForResource",
}
EXTRA_CALLS = (("ec2", "DescribeRegions"), ("sts", "GetCallerIdentity"))


def iam_action(service: str, operation: str) -> str:
    return IAM_ACTION.get((service, operation), f"{IAM_PREFIX.get(service, service)}:{operation}")


def all_calls() -> Iterable[tuple[str, str]]:
    for collector in COLLECTORS:
        for op in collector.calls:
            yield collector.service, op
    yield from EXTRA_CALLS


def policy_document() -> dict[str, object]:
    actions = sorted({iam_action(s, op) for s, op in all_calls()})
    return {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "ResidencyAuditReadOnly", "Effect": "Allow", "Action": actions, "Resource": "*"}],
    }


def render() -> str:
    return json.dumps(policy_document(), indent=2) + "\n"
