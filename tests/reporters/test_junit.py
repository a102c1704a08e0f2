import xml.etree.ElementTree as ET

from residency.reporters import junit
from tests.reporters.fixtures import clean_result, sample_result, waive


def _suite(xml: str) -> ET.Element:
    suite = ET.fromstring(xml.split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    return suite


def test_one_case_per_resource_and_policy() -> None:
    suite = _suite(junit.render(sample_result()))
    assert suite.get("failures") == "2" and suite.get("tests") == str(len(list(suite.iter("testcase"))))
    failed = {(c.get("classname"), c.get("name")) for c in suite.iter("testcase") if c.find("failure") is not None}
    assert failed == {
        ("restrict-data-class-region", "aws:s3/bucket:Bucket pii"),
        ("require-data-movement-audit-trail", "stack"),
    }


def test_a_waived_finding_is_skipped_with_its_reason() -> None:
    result = waive(sample_result(), 0, "vendor feed accepted until the migration ends", "RISK-7")
    suite = _suite(junit.render(result))
    skipped = [c.find("skipped") for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert suite.get("failures") == "1" and suite.get("skipped") == "1"
    assert skipped[0] is not None and "vendor feed accepted" in (skipped[0].get("message") or "")


def test_clean_run_has_no_failures() -> None:
    assert _suite(junit.render(clean_result())).get("failures") == "0"


def test_an_error_run_still_writes_a_suite_with_an_error() -> None:
    suite = _suite(junit.render(clean_result(), error="program failed: boom"))
    assert suite.get("errors") == "1"
