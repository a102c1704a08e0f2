"""The text tree fits the terminal: shortened type tokens first (as the Pulumi CLI shows them), then cut names."""

import pytest

from residency.reporters import text
from tests.reporters.fixtures import sample_result


@pytest.mark.parametrize(
    ("token", "short"),
    [
        ("aws:s3/bucket:Bucket", "aws:s3:Bucket"),
        ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3:BucketPublicAccessBlock"),
        ("aws:rds/instance:Instance", "aws:rds:Instance"),
        ("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment"),
        ("pulumi:pulumi:Stack", "pulumi:pulumi:Stack"),
        ("residency:index:RegionalBucket", "residency:index:RegionalBucket"),
    ],
)
def test_short_type(token: str, short: str) -> None:
    assert text.short_type(token) == short


def _tree_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(" +   ")]


def test_without_a_width_lines_are_full() -> None:
    assert any("aws:s3/bucket:Bucket" in line for line in _tree_lines(text.render(sample_result())))


@pytest.mark.parametrize(("width", "short"), [(40, True), (60, True), (80, False)])
def test_narrow_terminals_get_short_types_and_lines_that_fit(width: int, short: bool) -> None:
    lines = _tree_lines(text.render(sample_result(), width=width))
    assert lines and all(len(line) <= width for line in lines)
    assert any("aws:s3:Bucket" in line for line in lines) is short


def test_quiet_prints_only_violations_and_the_verdict() -> None:
    out = text.render(sample_result(), quiet=True).splitlines()
    assert out[-1].startswith("BLOCKED") and len(out) == 4  # two mandatory and one advisory are open
