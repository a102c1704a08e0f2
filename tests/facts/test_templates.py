"""A resource that deploys a template the program does not hold is placed in a region that cannot be determined."""

import json
from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.values import UNKNOWN
from tests.rules.fixtures import STACK_CONFIG, res

STACK = "aws:cloudformation/stack:Stack"
NESTED = json.dumps({"Resources": {"T": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "x"}}}})


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        (STACK, {"templateUrl": "https://t.s3.ap-southeast-3.amazonaws.com/t.yaml"}),
        (STACK, {"templateBody": UNKNOWN}),
        (STACK, {"templateBody": NESTED}),
        (STACK, {"templateBody": "Transform: {Name: AWS::Include, Parameters: {Location: s3://t/x.yaml}}"}),
        ("aws:servicecatalog/provisionedProduct:ProvisionedProduct", {"productId": "prod-1"}),
        ("aws:serverlessrepository/cloudFormationStack:CloudFormationStack", {"applicationId": "arn:x"}),
        ("aws:sagemaker/project:Project", {"serviceCatalogProvisioningDetails": {"productId": "prod-1"}}),
    ],
    ids=["template url", "unknown body", "nested stack", "include", "product", "sar application", "project"],
)
def test_an_unseen_template_has_no_region(type_: str, props: dict[str, Any]) -> None:
    (f,) = build_facts([res(type_, "t", props)], STACK_CONFIG, {})
    assert f.region is None
    assert "cannot be determined" in f.region_source


def test_an_inline_template_is_judged_where_it_is_deployed() -> None:
    body = json.dumps({"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})
    (f,) = build_facts([res(STACK, "t", {"templateBody": body})], STACK_CONFIG, {})
    assert f.region == "ap-southeast-3"
