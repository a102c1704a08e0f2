"""JUnit XML: one test case per resource and policy that found something, plus one per policy that passed.

A blocking finding is a `<failure>`, a waived one `<skipped>` with the exception's reason, an advisory one
passes and is listed in the suite's `<system-out>` (the Ant schema allows no output inside a test case).
The shape satisfies both the Ant and the Jenkins JUnit schemas.
"""

import xml.etree.ElementTree as ET
from collections import defaultdict

from residency.model.clock import today
from residency.model.findings import Finding
from residency.report import Report
from residency.reporters.common import remediation, rows_by_urn, subject, waiver_text, weakened_line

ERROR_CASE = "residency run"


def _case(suite: ET.Element, classname: str, name: str, found: list[Finding], out: list[str]) -> tuple[int, int]:
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")
    blocking = [v for v in found if v.blocking]
    accepted = [v for v in found if v.waiver is not None]
    if blocking:
        failure = ET.SubElement(case, "failure", message=blocking[0].message.splitlines()[0][:500], type="mandatory")
        fix = remediation(blocking[0].policy)
        failure.text = "\n".join([v.message for v in blocking] + ([f"Fix: {fix}"] if fix else []))
    elif accepted:
        ET.SubElement(case, "skipped", message=f"waived by {waiver_text(accepted[0])}")
    out += [f"[{v.level}] {classname} {name}: {v.message}" for v in found if not v.blocking and v.waiver is None]
    return (1 if blocking else 0), (1 if accepted and not blocking else 0)


def _suite(result: Report, error: str | None) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        name=f"residency {result.project}/{result.stack}",
        package="residency",
        id="0",
        # the day, not the instant: the same input gives the same bytes on the same day
        timestamp=f"{today().isoformat()}T00:00:00",
        hostname="localhost",
        time="0",
    )
    properties = ET.SubElement(suite, "properties")
    for w in result.weakened_policies:
        ET.SubElement(properties, "property", name=f"weakened-policy.{w['policy']}", value=w["level"])
    rows = rows_by_urn(result)
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for v in sorted(result.violations, key=Finding.sort_key):
        by_case[(v.policy, subject(v, rows))].append(v)
    tests = failures = skipped = errors = 0
    out: list[str] = []
    for (policy, what), found in by_case.items():
        failed, waived = _case(suite, policy, what, found, out)
        tests, failures, skipped = tests + 1, failures + failed, skipped + waived
    for policy in sorted(set(result.policies) - {p for p, _ in by_case}):
        ET.SubElement(suite, "testcase", name="no finding", classname=policy, time="0")
        tests += 1
    if error is not None:
        case = ET.SubElement(suite, "testcase", name=ERROR_CASE, classname="residency", time="0")
        ET.SubElement(case, "error", message=error.splitlines()[0][:500], type="error").text = error
        tests, errors = tests + 1, errors + 1
    ET.SubElement(suite, "system-out").text = "\n".join([*out, *result.notes])
    ET.SubElement(suite, "system-err").text = weakened_line(result) or ""
    for key, value in (("tests", tests), ("failures", failures), ("errors", errors), ("skipped", skipped)):
        suite.set(key, str(value))
    return suite


def render(result: Report, error: str | None = None) -> str:
    root = ET.Element("testsuites")
    root.append(_suite(result, error or result.error))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
