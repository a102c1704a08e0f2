"""RegionalDatabase: PostgreSQL on RDS, encrypted with the regional key, protected, private, IAM auth."""

from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.key import RegionalKey
from components.placement import Placement, Residence
from residency.model.retention import RDS_MAX_BACKUP_RETENTION_DAYS


@dataclass(frozen=True)
class RegionalDatabaseArgs:
    residence: Residence
    placement: Placement
    key: RegionalKey
    instance_class: str = "db.r6g.large"
    allocated_storage_gb: int = 100
    engine_version: str = "16.4"
    subnet_ids: list[str] = field(default_factory=list)
    replica_of: pulumi.Input[str] | None = None
    """ARN of the source instance; set only for a cross-region read replica in the replica stack."""


class RegionalDatabase(pulumi.ComponentResource):
    arn: pulumi.Output[str]
    endpoint: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalDatabaseArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalDatabase", name, None, opts)
        residence = args.residence
        residence.require_allowed("RegionalDatabase", name, args.placement)
        child = args.placement.opts(self)
        subnet_group = None
        if args.subnet_ids:
            subnet_group = aws.rds.SubnetGroup(
                f"{name}-subnets", subnet_ids=args.subnet_ids, tags=residence.tags(), opts=child
            )
        common: dict[str, Any] = dict(
            instance_class=args.instance_class,
            storage_encrypted=True,
            kms_key_id=args.key.arn,
            deletion_protection=True,
            skip_final_snapshot=False,
            final_snapshot_identifier=f"{name}-final",
            publicly_accessible=False,
            iam_database_authentication_enabled=True,
            copy_tags_to_snapshot=True,
            backup_retention_period=min(residence.retention_days(), RDS_MAX_BACKUP_RETENTION_DAYS),
            db_subnet_group_name=subnet_group.name if subnet_group else None,
            tags=residence.tags(),
        )
        if args.replica_of is not None:
            db = aws.rds.Instance(f"{name}-db", replicate_source_db=args.replica_of, **common, opts=child)
        else:
            db = aws.rds.Instance(
                f"{name}-db",
                engine="postgres",
                engine_version=args.engine_version,
                allocated_storage=args.allocated_storage_gb,
                username="kyc_admin",
                manage_master_user_password=True,  # RDS keeps the password in Secrets Manager; never in state
                master_user_secret_kms_key_id=args.key.arn,
                **common,
                opts=child,
            )
        self.arn = db.arn
        self.endpoint = db.endpoint
        self.register_outputs({"arn": self.arn, "endpoint": self.endpoint})
