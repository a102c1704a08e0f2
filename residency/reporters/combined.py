"""Several stacks previewed together in one document of the chosen format."""

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from residency.report import Report


def combine(fmt: str, render: Callable[[Report], str], results: Sequence[Report]) -> str:
    if len(results) == 1:
        return render(results[0])
    parts = [render(r) for r in results]
    if fmt == "json":
        return json.dumps({"stacks": [json.loads(p) for p in parts]}, indent=2) + "\n"
    if fmt == "sarif":
        logs = [json.loads(p) for p in parts]
        merged = {**logs[0], "runs": [run for log in logs for run in log["runs"]]}
        return json.dumps(merged, indent=2) + "\n"
    if fmt == "junit":
        root = ET.Element("testsuites")
        for part in parts:
            root.extend(ET.fromstring(part.split("?>", 1)[-1]).findall("testsuite"))
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    return "\n".join(parts)
