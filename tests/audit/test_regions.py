"""`--regions all` trusts only an answer that lists regions."""

import boto3
import pytest

from residency.audit.clients import ClientFactory
from residency.audit.moto_gaps import answer
from residency.audit.regions import RegionListingError, resolve_regions


@pytest.mark.parametrize("body", [{}, {"Regions": []}])
def test_an_answer_listing_no_region_is_not_the_accounts(aws: boto3.Session, body: dict[str, object]) -> None:
    answer(aws, "ec2", "DescribeRegions", lambda _params: dict(body))
    with pytest.raises(RegionListingError, match="--regions all"):
        resolve_regions(ClientFactory(aws, retries={"max_attempts": 1, "mode": "standard"}), "all")
