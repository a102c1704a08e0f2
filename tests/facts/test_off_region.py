"""Hardware outside every region (ECS Anywhere, gateway appliances, Outposts) has no region the pack can read."""

from dataclasses import replace
from typing import Any

import pytest

from residency.facts.builder import build_facts
from tests.rules.fixtures import STACK_CONFIG, res, tags

OUTPOST = "arn:aws:outposts:ap-southeast-3:1:outpost/op-1"


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        ("aws:ecs/service:Service", {"launchType": "EXTERNAL"}),
        ("aws:ecs/taskDefinition:TaskDefinition", {"requiresCompatibilities": ["EXTERNAL"]}),
        ("aws:storagegateway/gateway:Gateway", {"gatewayIpAddress": "85.214.132.117"}),
        ("aws:storagegateway/gateway:Gateway", {"activationKey": "ABC"}),
        ("aws:ebs/volume:Volume", {"outpostArn": OUTPOST}),
        ("aws:s3control/bucket:Bucket", {"outpostId": "op-1"}),
    ],
    ids=[
        "ecs anywhere service",
        "external-only task",
        "public appliance",
        "appliance by key",
        "outpost",
        "s3 outposts",
    ],
)
def test_off_region_hardware_has_no_region(type_: str, props: dict[str, Any]) -> None:
    (f,) = build_facts([res(type_, "x", {**props, "tags": tags()})], STACK_CONFIG, {})
    assert f.region is None


def test_an_instance_in_an_outposts_subnet_is_on_the_outpost() -> None:
    subnet = res("aws:ec2/subnet:Subnet", "s", {"outpostArn": OUTPOST})
    instance = replace(res("aws:ec2/instance:Instance", "i", {"tags": tags()}), dependencies=(subnet.urn,))
    assert build_facts([subnet, instance], STACK_CONFIG, {})[1].region is None


def test_a_gateway_on_an_instance_of_the_stack_is_where_the_instance_is() -> None:
    vm = res("aws:ec2/instance:Instance", "vm", {"tags": tags()})
    gateway = res("aws:storagegateway/gateway:Gateway", "g", {"tags": tags()}, deps={"gatewayIpAddress": (vm.urn,)})
    assert build_facts([vm, gateway], STACK_CONFIG, {})[1].region == "ap-southeast-3"


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        ("aws:ecs/service:Service", {"launchType": "FARGATE"}),
        ("aws:ecs/taskDefinition:TaskDefinition", {"requiresCompatibilities": ["FARGATE", "EC2"]}),
        ("aws:ebs/volume:Volume", {"availabilityZone": "ap-southeast-3a"}),
    ],
)
def test_regional_compute_and_storage_stay(type_: str, props: dict[str, Any]) -> None:
    (f,) = build_facts([res(type_, "x", {**props, "tags": tags()})], STACK_CONFIG, {})
    assert f.region == "ap-southeast-3"
