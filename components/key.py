"""RegionalKey: a single-region customer-managed KMS key for one data class."""

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.placement import Placement, Residence


@dataclass(frozen=True)
class RegionalKeyArgs:
    residence: Residence
    placement: Placement
    deletion_window_days: int = 30


class RegionalKey(pulumi.ComponentResource):
    arn: pulumi.Output[str]
    key_id: pulumi.Output[str]

    def __init__(self, name: str, args: RegionalKeyArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("residency:index:RegionalKey", name, None, opts)
        args.residence.require_allowed("RegionalKey", name, args.placement)
        child = args.placement.opts(self)
        key = aws.kms.Key(
            f"{name}-key",
            description=f"{args.residence.data_class.value} of {args.residence.collection_name}"
            f" in {args.placement.region.value}",
            enable_key_rotation=True,
            multi_region=False,  # a multi-region key could be replicated out of the region at any time
            deletion_window_in_days=args.deletion_window_days,
            tags=args.residence.tags(),
            opts=child,
        )
        aws.kms.Alias(f"{name}-alias", name=f"alias/{name}", target_key_id=key.key_id, opts=child)
        self.arn = key.arn
        self.key_id = key.key_id
        self.register_outputs({"arn": self.arn, "key_id": self.key_id})
