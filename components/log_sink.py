"""LogSink: a KMS-encrypted CloudWatch log group with retention from settings.

Audit classes also get an Object-Locked archive bucket in the same region.
"""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.bucket import RegionalBucket, RegionalBucketArgs
from components.key import RegionalKey
from components.placement import Placement, Residence
from residency.model.controls import RETENTION_FLOOR_CLASSES


@dataclass(frozen=True)
class LogSinkArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey


class LogSink(pulumi.ComponentResource):
    log_group_name: pulumi.Output[str]
    log_group_arn: pulumi.Output[str]
    archive_bucket_arn: pulumi.Output[str] | None

    def __init__(self, name: str, args: LogSinkArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:LogSink", name, None, opts)
        residence = args.residence
        residence.require_allowed("LogSink", name, args.placement)
        group = aws.cloudwatch.LogGroup(
            f"{name}-logs",
            name=f"/residency/{residence.collection_name}/{residence.data_class.value}/{name}",
            retention_in_days=residence.retention_days(),
            kms_key_id=args.key.arn,
            tags=residence.tags(),
            opts=args.placement.opts(self),
        )
        self.archive_bucket_arn = None
        if residence.data_class in RETENTION_FLOOR_CLASSES:
            archive = RegionalBucket(
                f"{name}-archive",
                RegionalBucketArgs(residence, args.placement, args.key),
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.archive_bucket_arn = archive.arn
        self.log_group_name = group.name
        self.log_group_arn = group.arn
        self.register_outputs(
            {
                "log_group_name": self.log_group_name,
                "log_group_arn": self.log_group_arn,
                "archive_bucket_arn": self.archive_bucket_arn,
            }
        )
