"""A VPC endpoint to a service in another region is a conduit to that region."""

import pytest

from residency.facts.builder import build_facts
from residency.model.catalogue import Role
from tests.rules.fixtures import STACK_CONFIG, res


@pytest.mark.parametrize(
    "props",
    [
        {"serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "serviceRegion": "us-east-1"},
        {"serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"},
        {"serviceName": "com.amazonaws.us-east-1.s3"},
    ],
)
def test_an_endpoint_to_another_regions_service_is_a_mover_there(props: dict[str, str]) -> None:
    (endpoint,) = build_facts([res("aws:ec2/vpcEndpoint:VpcEndpoint", "partner", props)], STACK_CONFIG, {})
    assert (endpoint.role, endpoint.region) == (Role.MOVER, "us-east-1")
    assert "cross-region PrivateLink" in endpoint.region_source


def test_an_endpoint_to_a_local_service_stays_control() -> None:
    local = res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", {"serviceName": "com.amazonaws.ap-southeast-3.s3"})
    (endpoint,) = build_facts([local], STACK_CONFIG, {})
    assert (endpoint.role, endpoint.region) == (Role.CONTROL, "ap-southeast-3")
