"""The JUnit report validates against the Ant and the Jenkins JUnit schemas (vendored in tests/fixtures/schemas)."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import xmlschema

from residency.model.exceptions import ExceptionEntry, Waiver
from residency.report import Report
from residency.reporters import junit
from tests.reporters.fixtures import clean_result, sample_result, weakened_result

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"


def _waived() -> Report:
    result = sample_result()
    entry = ExceptionEntry.model_validate(
        {
            "policy": "configure-retention",
            "resource": "*",
            "reason": "queue retention agreed with the vendor until cutover",
            "approvedBy": "ciso",
            "ticket": "RISK-9",
            "expires": date(2027, 3, 1),
        }
    )
    result.violations[1] = replace(result.violations[1], waiver=Waiver(0, entry))
    return result


CASES = {
    "violations": lambda: junit.render(sample_result()),
    "clean": lambda: junit.render(clean_result()),
    "weakened": lambda: junit.render(weakened_result()),
    "waived": lambda: junit.render(_waived()),
    "error": lambda: junit.render(clean_result(), error="program failed: ModuleNotFoundError: x"),
}


@pytest.mark.parametrize("schema", ["junit-ant.xsd", "junit-jenkins.xsd"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_validates(schema: str, case: str) -> None:
    xmlschema.XMLSchema(SCHEMAS / schema).validate(CASES[case]())
