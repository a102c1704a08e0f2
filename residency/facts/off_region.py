"""Hardware outside every AWS region: on-premises servers, gateway appliances and Outposts racks.

The region a resource is managed from is not always where its data is. An ECS service of launch type EXTERNAL (or a
task definition only for it) runs its tasks on the customer's own servers, registered with ECS Anywhere from any
country. A Storage Gateway keeps its cache on an appliance VM wherever that VM runs. A resource on AWS Outposts,
directly or through an Outposts subnet, sits on a rack installed at some site, anchored to the region but not in
it. Each is placed in a region that cannot be determined (fail closed), unless the program shows the hardware is
in the region: a gateway whose address is an EC2 instance of the stack is where that instance is.
"""

from collections.abc import Sequence
from typing import Any

from residency.facts.graph import Graph
from residency.facts.parts import relocate
from residency.facts.resource import ResourceFacts
from residency.facts.values import as_list, is_unknown, reveal
from residency.model.catalogue import Role

ECS_RUNNERS = ("aws:ecs/service:Service", "aws:ecs/taskSet:TaskSet")
TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition"
GATEWAY = "aws:storagegateway/gateway:Gateway"
INSTANCE = "aws:ec2/instance:Instance"
SUBNET = "aws:ec2/subnet:Subnet"
EXTERNAL = "EXTERNAL"


def _outpost(props: Any) -> str | None:
    """The Outpost a resource (or a block of it: an EKS local cluster's `outpostConfig.outpostArns`) is placed on."""
    if isinstance(props, list):
        return next((o for o in map(_outpost, props) if o is not None), None)
    if not isinstance(props, dict):
        return None
    for key, value in props.items():
        if key.startswith("outpost") and key != "outpostConfig":
            for item in as_list(value):
                if item:
                    known = isinstance(item, str) and not is_unknown(item)
                    return str(item) if known else "an Outpost unknown during preview"
        elif key != "tags" and isinstance(value, (dict, list)):
            found = _outpost(value)
            if found is not None:
                return found
    return None


def _gateway(f: ResourceFacts, graph: Graph) -> tuple[str | None, str] | None:
    hosts = graph.dependencies(f, "gatewayIpAddress", (INSTANCE,))
    if len(hosts) == 1:
        host = hosts[0]
        return None if host.region == f.region else (host.region, f"its appliance, EC2 instance {host.resource.name}")
    address = reveal(f.props.get("gatewayIpAddress"))
    shown = address if isinstance(address, str) and address and not is_unknown(address) else "not given"
    return None, (
        f"its cache is on the appliance VM at address {shown}, which is not an EC2 instance of this stack: where that "
        "VM runs cannot be determined"
    )


def off_region(f: ResourceFacts, graph: Graph) -> tuple[str | None, str] | None:
    """(region, why) for a resource whose hardware is outside its managing region, else None."""
    if f.role is Role.CONTROL or not f.type.startswith("aws:"):
        return None
    props = reveal(f.props)
    if f.type in ECS_RUNNERS and props.get("launchType") == EXTERNAL:
        return None, "it runs its tasks on external instances (ECS Anywhere): servers wherever they were registered"
    if f.type == TASK_DEFINITION and as_list(props.get("requiresCompatibilities")) == [EXTERNAL]:
        return None, "its tasks run only on external instances (ECS Anywhere): servers wherever they were registered"
    if f.type == GATEWAY:
        return _gateway(f, graph)
    outpost = _outpost(props)
    if outpost is None:
        subnets = [s for s in graph.dependencies(f, None, (SUBNET,)) if _outpost(reveal(s.props))]
        outpost = _outpost(reveal(subnets[0].props)) if subnets else None
    if outpost is not None:
        return (
            None,
            f"it is on AWS Outposts ({outpost}): the rack is wherever it was installed, not in its anchor region",
        )
    return None


def place_off_region(facts: Sequence[ResourceFacts], graph: Graph) -> None:
    relocate(facts, lambda f: off_region(f, graph))
