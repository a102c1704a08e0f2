"""One explicit AWS provider per region; components inherit it and never build their own."""

import pulumi_aws as aws

from components.placement import Placement
from residency.model.regions import Region


def placement(region: Region) -> Placement:
    provider = aws.Provider(
        f"aws-{region.value}", region=region.aws, default_tags={"tags": {"residency-region": region.value}}
    )
    return Placement(region=region, provider=provider)
