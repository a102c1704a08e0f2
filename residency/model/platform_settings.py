"""Stack config for the platform's edges: one EKS cluster per region, the dashboard, the SCP guardrail."""

import re
from typing import Annotated

from pydantic import Field, field_validator

from residency.model.regions import Region
from residency.model.settings import _Strict

EKS_CLUSTER_ARN = re.compile(r"arn:aws[a-z-]*:eks:([a-z0-9-]+):\d{12}:cluster/[A-Za-z0-9_-]+")
"""One pattern for an EKS cluster ARN: matched whole in settings, found inside a kubeconfig by the facts."""
ALB_ARN = re.compile(r"^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer/app/.+$")


class Cluster(_Strict):
    cluster_arn: str = Field(alias="clusterArn")
    context: str | None = None
    kubeconfig: str | None = None

    @field_validator("cluster_arn")
    @classmethod
    def _eks(cls, value: str) -> str:
        if not EKS_CLUSTER_ARN.fullmatch(value):
            raise ValueError("must be an EKS cluster ARN, arn:aws:eks:<region>:<account>:cluster/<name>")
        return value

    @property
    def aws_region(self) -> str:
        match = EKS_CLUSTER_ARN.fullmatch(self.cluster_arn)
        assert match is not None
        return match.group(1)


class Dashboard(_Strict):
    load_balancer_arn: Annotated[str, Field(alias="loadBalancerArn", pattern=ALB_ARN.pattern)]
    export_paths: tuple[str, ...] = Field(("/exports", "/api/v1/exports"), alias="exportPaths")


class Guardrail(_Strict):
    target_id: Annotated[str, Field(alias="targetId", pattern=r"^(r-[0-9a-z]{4,32}|ou-[0-9a-z-]+|\d{12})$")]


class PlatformSettings(_Strict):
    kubernetes: dict[Region, Cluster] = Field(default_factory=dict)
    dashboard: Dashboard | None = None
    guardrail: Guardrail | None = None
