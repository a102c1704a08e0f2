"""A VPC endpoint to a service in another region (cross-region PrivateLink) is a conduit to that region.

Its own network interfaces sit in the stack's region, so its ID and DNS name read as local; the traffic sent to
it lands where the service is. It is judged as a mover placed in the service's region, so whatever reaches it is
a flow to that region.
"""

from residency.facts.references import REGION_IN_TEXT
from residency.facts.resource import ResourceInput
from residency.facts.values import is_unknown, reveal
from residency.model.catalogue import Role, TypeEntry

ENDPOINT_TYPE = "aws:ec2/vpcEndpoint:VpcEndpoint"
CONDUIT = TypeEntry(Role.MOVER, "a VPC endpoint to a service in another region: traffic sent to it lands there")


def service_region(res: ResourceInput) -> str | None:
    """The region of the service an endpoint connects to, when the endpoint names it."""
    stated = reveal(res.props.get("serviceRegion"))
    if isinstance(stated, str) and stated and not is_unknown(stated):
        return stated
    name = reveal(res.props.get("serviceName"))
    found = REGION_IN_TEXT.search(name) if isinstance(name, str) else None
    return found.group(1) if found else None


def conduit(res: ResourceInput, region: str | None) -> tuple[str, str] | None:
    """(service region, where that comes from) when the endpoint leads out of its own region."""
    if res.type != ENDPOINT_TYPE:
        return None
    there = service_region(res)
    if there is None or there == region:
        return None
    return there, f"the service region of VPC endpoint {res.name} (cross-region PrivateLink from {region})"
