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


def test_a_region_named_twice_is_audited_once(aws: boto3.Session) -> None:
    """It was scanned twice and every finding of it was counted twice."""
    factory = ClientFactory(aws, retries={"max_attempts": 1, "mode": "standard"})
    given = "ap-southeast-1, ap-southeast-3,ap-southeast-1"
    assert resolve_regions(factory, given) == ["ap-southeast-1", "ap-southeast-3"]


@pytest.mark.parametrize("listed", [[{"Endpoint": "x"}], [{"RegionName": None}], ["ap-southeast-3"]])
def test_a_region_listing_without_names_is_not_the_accounts(aws: boto3.Session, listed: list[object]) -> None:
    """A KeyError there was an internal error (exit 2) instead of an account not audited (exit 3)."""
    answer(aws, "ec2", "DescribeRegions", lambda _params: {"Regions": list(listed)})
    with pytest.raises(RegionListingError, match="without a RegionName"):
        resolve_regions(ClientFactory(aws, retries={"max_attempts": 1, "mode": "standard"}), "all")
