"""The JUnit report validates against the Ant and the Jenkins JUnit schemas (vendored in tests/fixtures/schemas)."""

from pathlib import Path

import pytest
import xmlschema

from residency.report import Report
from residency.reporters import junit
from tests.reporters.fixtures import clean_result, sample_result, waive, weakened_result

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"


def _waived() -> Report:
    return waive(sample_result(), 1, "queue retention agreed with the vendor until cutover", "RISK-9")


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
