import xml.etree.ElementTree as ET

from residency.reporters import junit
from tests.reporters.fixtures import clean_result, sample_result


def test_junit_parses_back_with_one_case_per_policy() -> None:
    root = ET.fromstring(junit.render(sample_result()).split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "2"
    failed = {c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None}
    assert failed == {"restrict-data-class-region", "require-data-movement-audit-trail"}


def test_clean_run_has_no_failures() -> None:
    root = ET.fromstring(junit.render(clean_result()).split("\n", 1)[1])
    assert root.find("testsuite").get("failures") == "0"  # type: ignore[union-attr]
