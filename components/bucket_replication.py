"""BucketReplication: S3 replication of one bucket into another, with the role it needs and nothing more.

Used for the watchlist (us-iad-1 -> id-jkt-1) and for Jakarta buckets copied to their sg-sin-1 replicas. The role
may read versions of the source's objects and replicate into the destination only, decrypt with the source key and
encrypt with the destination key; the destination may come from another stack as Outputs.
"""

import json
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.placement import Placement, Residence

SOURCE_BUCKET_ACTIONS = ("s3:GetReplicationConfiguration", "s3:ListBucket")
SOURCE_OBJECT_ACTIONS = ("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging")
DESTINATION_OBJECT_ACTIONS = ("s3:ReplicateObject", "s3:ReplicateTags")
DELETE_ACTION = "s3:ReplicateDelete"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


@dataclass(frozen=True)
class BucketReplicationArgs:
    residence: Residence
    """The class of the replicated data (tags the role)."""
    source: Placement
    """Where the source bucket lives: the role and the replication configuration live there too."""
    source_bucket: pulumi.Input[str]
    source_bucket_arn: pulumi.Input[str]
    source_key_arn: pulumi.Input[str]
    destination_bucket_arn: pulumi.Input[str]
    destination_key_arn: pulumi.Input[str]
    rule_id: str
    replicate_deletes: bool = False


def role_policy(
    source_arn: str, destination_arn: str, source_key: str, destination_key: str, deletes: bool = False
) -> dict[str, Any]:
    """Exactly the replication actions, on exactly the two buckets and their keys."""
    destination_actions = [*DESTINATION_OBJECT_ACTIONS, *([DELETE_ACTION] if deletes else [])]
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": list(SOURCE_BUCKET_ACTIONS), "Resource": source_arn},
            {"Effect": "Allow", "Action": list(SOURCE_OBJECT_ACTIONS), "Resource": f"{source_arn}/*"},
            {"Effect": "Allow", "Action": destination_actions, "Resource": f"{destination_arn}/*"},
            {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": source_key},
            {"Effect": "Allow", "Action": ["kms:Encrypt"], "Resource": destination_key},
        ],
    }


class BucketReplication(pulumi.ComponentResource):
    role_arn: pulumi.Output[str]

    def __init__(self, name: str, args: BucketReplicationArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:BucketReplication", name, None, opts)
        here = args.source.opts(self)
        role = aws.iam.Role(f"{name}-role", assume_role_policy=json.dumps(TRUST), tags=args.residence.tags(), opts=here)
        policy = pulumi.Output.all(
            args.source_bucket_arn, args.destination_bucket_arn, args.source_key_arn, args.destination_key_arn
        ).apply(lambda a: json.dumps(role_policy(a[0], a[1], a[2], a[3], deletes=args.replicate_deletes)))
        aws.iam.RolePolicy(f"{name}-policy", role=role.id, policy=policy, opts=here)
        deletes = "Enabled" if args.replicate_deletes else "Disabled"
        aws.s3.BucketReplicationConfig(
            name,
            bucket=args.source_bucket,
            role=role.arn,
            rules=[
                {
                    "id": args.rule_id,
                    "status": "Enabled",
                    "filter": {},
                    "delete_marker_replication": {"status": deletes},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {
                        "bucket": args.destination_bucket_arn,
                        "encryption_configuration": {"replica_kms_key_id": args.destination_key_arn},
                    },
                }
            ],
            opts=pulumi.ResourceOptions.merge(here, pulumi.ResourceOptions(depends_on=[role])),
        )
        self.role_arn = role.arn
        self.register_outputs({"role_arn": self.role_arn})
