"""Read the platform config (`residency:kubernetes`, `residency:dashboard`, `residency:guardrail`) once, validated."""

from typing import Any

import pulumi
import pulumi_kubernetes as k8s
from pydantic import ValidationError

from components.placement import ClusterPlacement
from residency.model.errors import ResidencyConfigError
from residency.model.platform_settings import PlatformSettings
from residency.model.regions import Region


def read_platform_settings() -> PlatformSettings:
    cfg = pulumi.Config("residency")
    raw: dict[str, Any] = {
        k: v for k in ("kubernetes", "dashboard", "guardrail") if (v := cfg.get_object(k)) is not None
    }
    try:
        settings = PlatformSettings.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = "residency:" + ".".join(str(p) for p in err["loc"])
        raise ResidencyConfigError(key, err["msg"].removeprefix("Value error, ")) from None
    for region, cluster in settings.kubernetes.items():
        if cluster.aws_region != region.aws:
            raise ResidencyConfigError(
                f"residency:kubernetes.{region.value}.clusterArn",
                f"names a cluster in {cluster.aws_region}, not {region.aws}",
            )
    return settings


def cluster_placement(settings: PlatformSettings, region: Region) -> ClusterPlacement | None:
    cluster = settings.kubernetes.get(region)
    if cluster is None:
        return None
    provider = k8s.Provider(
        f"k8s-{region.value}",
        cluster_identifier=cluster.cluster_arn,
        context=cluster.context or cluster.cluster_arn,
        kubeconfig=cluster.kubeconfig,
    )
    return ClusterPlacement(region, provider)
