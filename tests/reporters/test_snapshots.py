"""Every reporter rendered from the same result into a golden file (UPDATE_SNAPSHOTS=1 rewrites them)."""

import os
from pathlib import Path

import pytest

from residency.reporters import REPORTERS
from tests.reporters.fixtures import clean_result, sample_result, weakened_result

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("case", ["violations", "clean", "weakened"])
def test_snapshot(fmt: str, case: str) -> None:
    result = {"violations": sample_result, "clean": clean_result, "weakened": weakened_result}[case]()
    rendered = REPORTERS[fmt](result)
    path = SNAPSHOTS / f"{case}.{fmt}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(rendered)
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            pytest.fail(f"snapshot {path.name} was missing and has been written; review and commit it")
    assert rendered == path.read_text()


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_a_weakened_core_policy_is_named_at_the_top_of_every_format(fmt: str) -> None:
    import json
    import xml.etree.ElementTree as ET

    rendered, clean = REPORTERS[fmt](weakened_result()), REPORTERS[fmt](clean_result())
    assert "WEAKENED" not in clean.upper().replace("WEAKENEDPOLICIES", "")
    if fmt == "json":
        doc = json.loads(rendered)
        assert list(doc)[:3] == ["project", "stack", "weakenedPolicies"]
        assert doc["weakenedPolicies"][0] == {
            "policy": "restrict-data-class-region",
            "level": "disabled",
            "default": "mandatory",
        }
    elif fmt == "sarif":
        [run] = json.loads(rendered)["runs"]
        notes = run["invocations"][0]["toolConfigurationNotifications"]
        assert [(n["descriptor"]["id"], n["level"]) for n in notes] == [
            ("restrict-data-class-region", "warning"),
            ("require-data-class-tag", "warning"),
        ]
    elif fmt == "junit":
        suite = ET.fromstring(rendered.split("?>", 1)[1]).find("testsuite")
        assert suite is not None and suite[0].tag == "properties"
        assert suite[0][0].attrib == {"name": "weakened-policy.restrict-data-class-region", "value": "disabled"}
    else:
        top = "\n".join(rendered.splitlines()[:3])
        assert "restrict-data-class-region is disabled" in top and "WEAKENED" in top
