"""JUnit XML: one test case per policy, failing with one failure per violation."""

import xml.etree.ElementTree as ET

from residency.report import Report
from residency.reporters.common import rows_by_urn, subject, weakened_line


def render(result: Report) -> str:
    rows = rows_by_urn(result)
    names = sorted({*result.policies, *(v.policy for v in result.violations)})
    suite = ET.Element("testsuite", name=f"residency {result.project}/{result.stack}", tests=str(len(names)))
    weakened = weakened_line(result)
    if weakened:
        properties = ET.SubElement(suite, "properties")
        for w in result.weakened_policies:
            ET.SubElement(properties, "property", name=f"weakened-policy.{w['policy']}", value=w["level"])
        ET.SubElement(suite, "system-err").text = weakened
    failures = 0
    for name in names:
        case = ET.SubElement(suite, "testcase", classname=f"{result.pack}.{result.stack}", name=name)
        found = [v for v in result.violations if v.policy == name]
        blocking = [v for v in found if v.blocking]
        if blocking:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=f"{len(blocking)} mandatory violation(s)", type="mandatory"
            )
            failure.text = "\n".join(f"{subject(v, rows)}: {v.message}" for v in blocking)
        advisory = [v for v in found if not v.blocking]
        if advisory:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"[advisory] {subject(v, rows)}: {v.message}" for v in advisory)
    suite.set("failures", str(failures))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
