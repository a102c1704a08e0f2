import json
from pathlib import Path

import jsonschema

from residency.reporters import sarif
from tests.reporters.fixtures import sample_result

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif-2.1.0-schema.json").read_text())


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    log = json.loads(sarif.render(sample_result()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_fingerprints_are_stable_and_distinct() -> None:
    first = json.loads(sarif.render(sample_result()))["runs"][0]["results"]
    second = json.loads(sarif.render(sample_result()))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["residencyFinding/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["residencyFinding/v1"] for r in second]
    assert len(set(prints)) == len(prints)


def test_an_invalid_log_is_rejected_by_the_schema() -> None:
    log = json.loads(sarif.render(sample_result()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    try:
        jsonschema.Draft4Validator(SCHEMA).validate(log)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an invalid level")
