"""WatchlistSource: the us-iad-1 source bucket and its inbound replication into the Jakarta watchlist bucket."""

import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.bucket import RegionalBucket, RegionalBucketArgs
from components.key import RegionalKey, RegionalKeyArgs
from components.placement import Placement, Residence, ResidencyComponentError
from residency.model.data_classes import DataClass
from residency.model.regions import Region


@dataclass(frozen=True)
class WatchlistSourceArgs:
    residence: Residence
    source: Placement
    served: Placement


def _role_policy(args: list[str]) -> str:
    source_arn, served_arn, source_key, served_key = args
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                    "Resource": source_arn,
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObjectVersionForReplication",
                        "s3:GetObjectVersionAcl",
                        "s3:GetObjectVersionTagging",
                    ],
                    "Resource": f"{source_arn}/*",
                },
                {
                    "Effect": "Allow",
                    "Action": ["s3:ReplicateObject", "s3:ReplicateTags"],
                    "Resource": f"{served_arn}/*",
                },
                {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": source_key},
                {"Effect": "Allow", "Action": ["kms:Encrypt"], "Resource": served_key},
            ],
        }
    )


class WatchlistSource(pulumi.ComponentResource):
    source_bucket_arn: pulumi.Output[str]
    served_bucket_arn: pulumi.Output[str]

    def __init__(self, name: str, args: WatchlistSourceArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:WatchlistSource", name, None, opts)
        if args.residence.data_class is not DataClass.WATCHLIST:
            raise ResidencyComponentError(f"WatchlistSource {name!r} must hold watchlist data")
        if (args.source.region, args.served.region) != (Region.US_IAD_1, Region.ID_JKT_1):
            raise ResidencyComponentError(f"WatchlistSource {name!r} flows us-iad-1 -> id-jkt-1 only")
        here = pulumi.ResourceOptions(parent=self)
        keys = {
            p.region: RegionalKey(f"{name}-{p.region.value}-key", RegionalKeyArgs(args.residence, p), opts=here)
            for p in (args.source, args.served)
        }
        source = RegionalBucket(
            f"{name}-source", RegionalBucketArgs(args.residence, args.source, keys[Region.US_IAD_1]), opts=here
        )
        served = RegionalBucket(
            f"{name}-served", RegionalBucketArgs(args.residence, args.served, keys[Region.ID_JKT_1]), opts=here
        )
        role = aws.iam.Role(
            f"{name}-replication-role",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole"}
                    ],
                }
            ),
            tags=args.residence.tags(),
            opts=args.source.opts(self),
        )
        aws.iam.RolePolicy(
            f"{name}-replication-policy",
            role=role.id,
            policy=pulumi.Output.all(source.arn, served.arn, source.key_arn, served.key_arn).apply(_role_policy),
            opts=args.source.opts(self),
        )
        aws.s3.BucketReplicationConfig(
            f"{name}-inbound",
            bucket=source.bucket_name,
            role=role.arn,
            rules=[
                {
                    "id": "watchlist-into-jakarta",
                    "status": "Enabled",
                    "filter": {},
                    "delete_marker_replication": {"status": "Disabled"},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {
                        "bucket": served.arn,
                        "encryption_configuration": {"replica_kms_key_id": served.key_arn},
                    },
                }
            ],
            opts=args.source.opts(self),
        )
        self.source_bucket_arn = source.arn
        self.served_bucket_arn = served.arn
        self.register_outputs(
            {"source_bucket_arn": self.source_bucket_arn, "served_bucket_arn": self.served_bucket_arn}
        )
