"""Pull-request limits: a comment under 65,536 characters, at most 10 annotations of a kind, severe ones first."""

from dataclasses import replace

from residency.model.findings import Finding, Level
from residency.report import Report
from residency.reporters import github, markdown
from tests.reporters.fixtures import sample_result


def _many(n: int) -> Report:
    result = sample_result()
    hygiene = [
        Finding("configure-retention", Level.ADVISORY, f"log group {i} keeps logs 14 days; " + "x" * 150)
        for i in range(n)
    ]
    blocking = [
        Finding("restrict-data-class-region", Level.MANDATORY, f"bucket {i} may not live in us-east-1; " + "y" * 150)
        for i in range(n)
    ]
    return replace(result, violations=hygiene + blocking)


def test_a_400_violation_comment_stays_under_the_limit_and_says_what_was_left_out() -> None:
    text = markdown.render(_many(400))
    assert len(text) < markdown.COMMENT_LIMIT
    assert "more in the SARIF report and the workflow artifact" in text
    shown = [line for line in text.splitlines() if line.startswith("| mandatory") or line.startswith("| advisory")]
    assert shown and all("restrict-data-class-region" in line for line in shown)  # the severe ones survive


def test_a_small_comment_is_not_truncated() -> None:
    assert "more in the SARIF" not in markdown.render(_many(3))


def test_annotations_are_capped_per_kind_with_the_rest_counted() -> None:
    lines = github.render(_many(50)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == github.ANNOTATIONS_PER_KIND
    assert sum(line.startswith("::warning ") for line in lines) == github.ANNOTATIONS_PER_KIND + 1
    assert any("80 more finding(s) not annotated" in line for line in lines)
