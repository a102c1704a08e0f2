"""DataMovementAuditTrail: the Jakarta-only, never-replicated, Object-Locked record of cross-border transfers."""

import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.key import RegionalKey
from components.log_sink import LogSink, LogSinkArgs
from components.placement import Placement, Residence, ResidencyComponentError
from residency.model.data_classes import DataClass

# Each S3 replication event becomes one record: source region, destination region, data class, timestamp.
_RECORD_TEMPLATE = (
    '{"sourceRegion": <region>, "destinationRegion": <destination>, "dataClass": <dataClass>, '
    '"timestamp": <time>, "object": <key>, "bucket": <bucket>}'
)


@dataclass(frozen=True)
class DataMovementAuditTrailArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey


class DataMovementAuditTrail(pulumi.ComponentResource):
    log_group_name: pulumi.Output[str]
    archive_bucket_arn: pulumi.Output[str] | None

    def __init__(self, name: str, args: DataMovementAuditTrailArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:DataMovementAuditTrail", name, None, opts)
        if args.residence.data_class is not DataClass.DATA_MOVEMENT_AUDIT:
            raise ResidencyComponentError(f"DataMovementAuditTrail {name!r} must hold data-movement-audit")
        args.residence.require_allowed("DataMovementAuditTrail", name, args.placement)  # the model pins it
        sink = LogSink(
            f"{name}-sink",
            LogSinkArgs(args.residence, args.placement, args.key),
            opts=pulumi.ResourceOptions(parent=self),
        )
        child = args.placement.opts(self)
        rule = aws.cloudwatch.EventRule(
            f"{name}-replication-events",
            description="S3 replication events of residency-managed buckets",
            event_pattern=json.dumps(
                {"source": ["aws.s3"], "detail-type": ["Object Replication Completed", "Object Replication Failed"]}
            ),
            tags=args.residence.tags(),
            opts=child,
        )
        aws.cloudwatch.EventTarget(
            f"{name}-to-log",
            rule=rule.name,
            arn=sink.log_group_arn,
            input_transformer={
                "input_paths": {
                    "region": "$.region",
                    "destination": "$.detail.destinationRegion",
                    "dataClass": "$.detail.requestParameters.x-amz-tagging.data-class",
                    "time": "$.time",
                    "key": "$.detail.object.key",
                    "bucket": "$.detail.bucket.name",
                },
                "input_template": _RECORD_TEMPLATE,
            },
            opts=child,
        )
        self.log_group_name = sink.log_group_name
        self.archive_bucket_arn = sink.archive_bucket_arn
        self.register_outputs({"log_group_name": self.log_group_name, "archive_bucket_arn": self.archive_bucket_arn})
