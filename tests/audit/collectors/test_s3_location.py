"""Where a bucket lives, as AWS tells it: ListBuckets paginated (only then does AWS name each bucket's region) and
GetBucketLocation's legacy answers (`EU`, none for us-east-1) read as region codes."""

from collections import Counter
from typing import Any

import boto3

from residency.audit.moto_gaps import install_bucket_region
from tests.audit.conftest import IAD, JKT, audit

EU = "eu-west-1"


def _eu_alias_bucket(aws: boto3.Session, name: str, tags: list[dict[str, str]]) -> None:
    s3 = aws.client("s3", region_name=IAD)  # AWS accepts the legacy `EU` constraint on the global endpoint
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "EU"})
    if tags:
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": tags})


def test_a_bucket_created_with_the_eu_alias_is_audited_in_eu_west_1(aws: boto3.Session) -> None:
    _eu_alias_bucket(aws, "legacy-pii", [{"Key": "data-class", "Value": "customer-pii"}])
    _eu_alias_bucket(aws, "legacy-untagged", [])
    result = audit(aws, regions=[JKT, EU])
    placed = {(f.urn, f.region) for f in result.findings if f.policy == "restrict-data-class-region"}
    # before: GetBucketLocation's `EU` matched no audited region and both buckets were silently left out
    assert placed == {("arn:aws:s3:::legacy-pii", EU), ("arn:aws:s3:::legacy-untagged", EU)}


def test_the_filled_region_of_an_eu_alias_bucket_is_its_region_code(aws: boto3.Session) -> None:
    _eu_alias_bucket(aws, "legacy-pii", [{"Key": "data-class", "Value": "customer-pii"}])
    install_bucket_region(aws)
    result = audit(aws, regions=[JKT, EU])
    assert [f.region for f in result.findings if f.urn == "arn:aws:s3:::legacy-pii"][:1] == [EU]


def test_buckets_are_listed_with_pagination(aws: boto3.Session) -> None:
    """AWS names each bucket's region only in a paginated ListBuckets, and rejects an unpaginated one for an account
    whose bucket quota is above 10,000."""
    asked: Counter[str] = Counter()

    def count(params: dict[str, Any], **_: Any) -> None:
        asked["paginated" if "max-buckets" in str(params.get("query_string")) else "unpaginated"] += 1

    aws._session.register("before-call.s3.ListBuckets", count)
    audit(aws, regions=[JKT])
    assert asked == {"paginated": 1}
