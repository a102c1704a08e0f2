"""Read this stack's configuration once, into typed settings; the only place that calls pulumi.Config."""

from dataclasses import dataclass

import pulumi

from residency.model.clock import today
from residency.model.errors import ResidencyConfigError
from residency.model.posture import Posture
from residency.model.regions import Region, logical_region
from residency.model.stack_settings import COLLECTIONS_KEY, ORG_KEY, load_stack_settings


@dataclass(frozen=True)
class StackContext:
    region: Region
    posture: Posture
    primary_stack: str
    replica_stack: str


def _reference(name: str) -> str:
    return f"{pulumi.get_organization()}/{pulumi.get_project()}/{name}"


def read_stack_context() -> StackContext:
    aws_region = pulumi.Config("aws").get("region")
    region = logical_region(aws_region or "")
    if region not in (Region.ID_JKT_1, Region.SG_SIN_1):
        raise ResidencyConfigError(
            "aws:region",
            f"{aws_region!r} is not a region this project deploys to; allowed: "
            "ap-southeast-3 (id-jkt-1 stack), ap-southeast-1 (sg-sin-1 stack)",
        )
    cfg = pulumi.Config("residency")
    raw = {ORG_KEY: cfg.get_object("org"), COLLECTIONS_KEY: cfg.get_object("collections")}
    settings = load_stack_settings({k: v for k, v in raw.items() if v is not None}, today())
    return StackContext(
        region=region,
        posture=Posture(settings, today()),
        primary_stack=cfg.get("primaryStack") or _reference(Region.ID_JKT_1.value),
        replica_stack=cfg.get("replicaStack") or _reference(Region.SG_SIN_1.value),
    )
