"""With `requireSinkRegion: ID`, the Jakarta stack guards the dashboard's export paths."""

from components.export_guard import ExportGuard, ExportGuardArgs
from components.placement import Placement, Residence
from residency.model.data_classes import DataClass
from residency.model.errors import ResidencyConfigError
from residency.model.platform_settings import PlatformSettings
from residency.model.posture import Posture
from residency.model.settings import SinkRegion


def build_export_guard(posture: Posture, platform: PlatformSettings, placement: Placement) -> ExportGuard | None:
    if posture.settings.org.require_sink_region is not SinkRegion.ID:
        return None
    if platform.dashboard is None:
        raise ResidencyConfigError(
            "residency:dashboard.loadBalancerArn",
            "is required when residency:org.requireSinkRegion is ID (the export guard is "
            "attached to the dashboard's load balancer)",
        )
    return ExportGuard(
        "dashboard-export-guard",
        ExportGuardArgs(
            Residence(DataClass.CUSTOMER_PII, posture),
            placement,
            platform.dashboard.load_balancer_arn,
            list(platform.dashboard.export_paths),
        ),
    )
