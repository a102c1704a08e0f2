"""Logical regions of the platform and the AWS regions behind them."""

from enum import StrEnum


class Region(StrEnum):
    ID_JKT_1 = "id-jkt-1"
    SG_SIN_1 = "sg-sin-1"
    US_IAD_1 = "us-iad-1"

    @property
    def aws(self) -> str:
        return AWS_REGION_OF[self]


HOME = Region.ID_JKT_1

AWS_REGION_OF: dict[Region, str] = {
    Region.ID_JKT_1: "ap-southeast-3",
    Region.SG_SIN_1: "ap-southeast-1",
    Region.US_IAD_1: "us-east-1",
}

REGION_OF_AWS: dict[str, Region] = {aws: logical for logical, aws in AWS_REGION_OF.items()}


def logical_region(aws_region: str) -> Region | None:
    """The logical region an AWS region stands for, or None for regions the platform does not use."""
    return REGION_OF_AWS.get(aws_region)


def describe(aws_region: str) -> str:
    logical = logical_region(aws_region)
    return f"{aws_region} ({logical})" if logical else aws_region
