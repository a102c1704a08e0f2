"""Data sources the gate cannot answer from the call's region answer with markers, never with a made-up value."""

from residency.facts.values import is_unknown
from residency.gate.engine.invokes import answer_invoke

SSM = "aws:ssm/getParameter:getParameter"


def test_an_unknown_invoke_answers_text_with_a_marker_and_the_rest_with_none() -> None:
    answer = answer_invoke(SSM, {"name": "/kyc/dr-region"}, "ap-southeast-3")
    assert answer["value"] == "unknown-until-deploy:getParameter.value"
    assert answer["version"] is None and answer["withDecryption"] is None
    assert is_unknown(answer["value"]) and is_unknown(answer["arn"])


def test_a_marker_is_not_empty_so_a_programs_fallback_does_not_replace_it() -> None:
    value = answer_invoke(SSM, {"name": "/kyc/dr-region"}, "ap-southeast-3")["value"]
    assert (value or "ap-southeast-3") != "ap-southeast-3"


def test_the_region_of_a_bucket_found_by_name_is_not_the_callers() -> None:
    found = answer_invoke("aws:s3/getBucket:getBucket", {"bucket": "partner-kyc-frankfurt"}, "ap-southeast-3")
    assert is_unknown(found["region"]) and is_unknown(found["bucketRegionalDomainName"])
    assert found["arn"] == "arn:aws:s3:::partner-kyc-frankfurt"
