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


AWS_REGION_LABELS: dict[str, str] = {
    "ap-southeast-3": "Jakarta · ID",
    "ap-southeast-1": "Singapore · SG",
    "ap-southeast-2": "Sydney · AU",
    "ap-southeast-4": "Melbourne · AU",
    "ap-southeast-5": "Kuala Lumpur · MY",
    "ap-southeast-7": "Bangkok · TH",
    "ap-east-1": "Hong Kong · HK",
    "ap-south-1": "Mumbai · IN",
    "ap-south-2": "Hyderabad · IN",
    "ap-northeast-1": "Tokyo · JP",
    "ap-northeast-2": "Seoul · KR",
    "ap-northeast-3": "Osaka · JP",
    "us-east-1": "N. Virginia · US",
    "us-east-2": "Ohio · US",
    "us-west-1": "N. California · US",
    "us-west-2": "Oregon · US",
    "ca-central-1": "Montréal · CA",
    "ca-west-1": "Calgary · CA",
    "sa-east-1": "São Paulo · BR",
    "mx-central-1": "Querétaro · MX",
    "eu-west-1": "Ireland · IE",
    "eu-west-2": "London · GB",
    "eu-west-3": "Paris · FR",
    "eu-central-1": "Frankfurt · DE",
    "eu-central-2": "Zurich · CH",
    "eu-north-1": "Stockholm · SE",
    "eu-south-1": "Milan · IT",
    "eu-south-2": "Spain · ES",
    "me-south-1": "Bahrain · BH",
    "me-central-1": "UAE · AE",
    "il-central-1": "Tel Aviv · IL",
    "af-south-1": "Cape Town · ZA",
}
"""Human labels (city · country) for reports read by people who do not think in AWS region codes."""


def label(aws_region: str | None) -> str:
    """`Jakarta · ID` for ap-southeast-3; an unknown region keeps its code, and no region says so."""
    if not aws_region:
        return "unknown region"
    return AWS_REGION_LABELS.get(aws_region, aws_region)


def in_indonesia(aws_region: str | None) -> bool:
    return aws_region == AWS_REGION_OF[HOME]
