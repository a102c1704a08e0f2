"""Cross-region inference profiles have no single region, whatever region their ARN names."""

import pytest

from residency.facts.inference import inference_problem


@pytest.mark.parametrize(
    ("value", "where"),
    [
        (
            "arn:aws:bedrock:ap-southeast-3:111122223333:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0",
            "any commercial AWS region worldwide",
        ),
        ("global.anthropic.claude-sonnet-4-20250514-v1:0", "any commercial AWS region worldwide"),
        ("apac.amazon.nova-lite-v1:0", "any Asia-Pacific region"),
        ("arn:aws:bedrock:ap-southeast-3::inference-profile/apac.amazon.nova-pro-v1:0", "any Asia-Pacific region"),
        ("us.meta.llama3-2-90b-instruct-v1:0", "any US region"),
        ("eu.mistral.pixtral-large-2502-v1:0", "any European region"),
        ("jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "any region in Japan"),
        ("au.anthropic.claude-sonnet-4-5-20250929-v1:0", "any region in Australia"),
        ("us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0", "any GovCloud (US) region"),
    ],
)
def test_a_geographic_profile_sends_requests_anywhere_in_its_geography(value: str, where: str) -> None:
    problem = inference_problem(value)
    assert problem is not None and where in problem and "cannot be determined" in problem


def test_an_application_profile_outside_the_stack_cannot_be_traced() -> None:
    problem = inference_problem("arn:aws:bedrock:ap-southeast-3:111122223333:application-inference-profile/abc123")
    assert problem is not None and "may copy a cross-region profile" in problem


@pytest.mark.parametrize(
    "value",
    [
        "anthropic.claude-3-haiku-20240307-v1:0",
        "arn:aws:bedrock:ap-southeast-3::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "eu.example.com",
        "us.anthropic",
    ],
)
def test_an_in_region_model_or_other_text_is_not_a_profile(value: str) -> None:
    assert inference_problem(value) is None
