"""Everything tagged in a region, through the Resource Groups Tagging API: what the service collectors miss.

Each resource found is named with the catalogue type its ARN maps to. The runner keeps the ones no service
collector read: those are judged on what the listing shows (region, tags) and reported as not evaluated.
"""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, MalformedAnswerError, resource, tag_dict
from residency.facts.resource import ResourceInput
from residency.model.arn_types import type_for_arn
from residency.model.catalogue import Role

DISCOVERED = "discovered"
"""Output key marking a resource known only from the tagging listing."""


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("resourcegroupstaggingapi", region)
    out = []
    for page in c.get_paginator("get_resources").paginate(ResourcesPerPage=100):
        if "ResourceTagMappingList" not in page:
            raise ValueError("GetResources answered without ResourceTagMappingList: not the tagging API's answer")
        for item in page["ResourceTagMappingList"]:
            arn = item.get("ResourceARN")
            if not isinstance(arn, str) or not arn:
                # A mapping without its ARN is not the tagging API's answer: skipping it would hide a resource.
                raise MalformedAnswerError(f"GetResources listed a resource whose ResourceARN is {arn!r}, not text")
            tags = tag_dict(item.get("Tags"))
            clients.inventory.add(region, arn, tags)
            token, role = type_for_arn(arn)
            if role is Role.CONTROL:
                continue
            name = arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            found = resource(arn, token, name, region, {"tags": tags})
            found.outputs[DISCOVERED] = True
            out.append(found)
    clients.inventory.mark_swept(region)
    return out


COLLECTOR = Collector("resourcegroupstaggingapi", ("GetResources",), collect)
