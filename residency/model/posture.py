"""The two questions everything else asks: where may class C live, and may it be copied from A to B.

Answered here once, with a reason, so the components, the pack, the diff and the audit agree.
"""

from dataclasses import dataclass
from datetime import date

from residency.model.data_classes import MATRIX, DataClass, RegionRule
from residency.model.regions import Region, describe, logical_region
from residency.model.settings import Collection, Residency, egress_allowed
from residency.model.stack_settings import StackSettings

FOREIGN_PROBE = "eu-west-1"
"""A region the platform does not use, to compare what two classes allow outside the three logical regions."""


@dataclass(frozen=True, slots=True)
class RegionSet:
    regions: frozenset[Region]
    anywhere: bool = False

    def permits(self, aws_region: str) -> bool:
        if self.anywhere:
            return True
        logical = logical_region(aws_region)
        return logical is not None and logical in self.regions

    def describe(self) -> str:
        if self.anywhere:
            return "any region"
        return ", ".join(sorted(f"{r.value} ({r.aws})" for r in self.regions)) or "no region"


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    reason: str


@dataclass(frozen=True)
class Posture:
    """Settings in force for one evaluation: the org, its collections, the date and accepted SCCs."""

    settings: StackSettings
    today: date
    accepted_scc_references: frozenset[str] | None = None

    def residency(self, collection: Collection | None = None) -> Residency:
        if collection is not None and collection.data_residency is not None:
            return collection.data_residency
        return self.settings.org.data_residency

    def scc_problem(self, region: Region) -> str | None:
        """Why personal data may not go to `region` under the SCC, or None when the SCC covers it."""
        scc = self.settings.org.scc
        if scc is None:
            return "no SCC is configured (residency:org.scc)"
        if self.accepted_scc_references is not None and scc.reference not in self.accepted_scc_references:
            return f"SCC {scc.reference} is not in the pack's acceptedSccReferences"
        if not scc.in_force(self.today):
            return (
                f"SCC {scc.reference} is not in force on {self.today} (signed {scc.signed_on}, expires {scc.expires})"
            )
        if region not in scc.destinations:
            return f"SCC {scc.reference} does not list {region.value} among its destinations"
        return None

    def sg_problem(self, collection: Collection | None = None) -> str | None:
        residency = self.residency(collection)
        if residency is not Residency.ID_SG:
            scope = f"collection {collection.name!r}" if collection and collection.data_residency else "the org"
            return f"{scope} is dataResidency {residency.value}"
        return self.scc_problem(Region.SG_SIN_1)

    def webhook_region(self, collection: Collection | None = None) -> Region:
        if collection is not None and collection.webhook_egress_region is not None:
            return collection.webhook_egress_region
        return self.settings.org.webhook_egress_region

    def allowed_regions(self, data_class: DataClass, collection: Collection | None = None) -> RegionSet:
        spec = MATRIX[data_class]
        placement = spec.region_rule
        regions = set(spec.fixed_regions)
        if placement in (RegionRule.PERSONAL, RegionRule.WATCHLIST) and self.sg_problem(collection) is None:
            regions.add(Region.SG_SIN_1)
        if placement is RegionRule.WEBHOOK_EGRESS:
            egress = self.webhook_region(collection)
            if egress_allowed(egress, self.residency(collection)) and (
                egress is Region.ID_JKT_1 or self.scc_problem(egress) is None
            ):
                regions = {egress}
        if placement is RegionRule.OPS_TELEMETRY and self.settings.org.ops_telemetry:
            return RegionSet(frozenset(regions), anywhere=True)
        return RegionSet(frozenset(regions))

    def placement_verdict(
        self, data_class: DataClass, aws_region: str, collection: Collection | None = None
    ) -> Verdict:
        allowed = self.allowed_regions(data_class, collection)
        where = describe(aws_region)
        if allowed.permits(aws_region):
            return Verdict(True, f"{data_class.value} may live in {where}")
        return Verdict(
            False,
            f"{data_class.value} may not live in {where}; allowed: {allowed.describe()}"
            + self._why_not_sg(data_class, aws_region, collection),
        )

    def copy_verdict(
        self, data_class: DataClass, source: str, destination: str, collection: Collection | None = None
    ) -> Verdict:
        """May data of this class be copied from AWS region `source` to `destination`?"""
        edge = f"{describe(source)} -> {describe(destination)}"
        if source == destination:
            return Verdict(True, f"same-region copy {edge}")
        placement = MATRIX[data_class].region_rule
        if placement is RegionRule.PINNED:
            return Verdict(False, f"{data_class.value} is never replicated cross-region ({edge})")
        if placement is RegionRule.WEBHOOK_EGRESS:
            return Verdict(False, f"webhook-outbox is never replicated cross-region ({edge})")
        if placement is RegionRule.OPS_TELEMETRY and not self.settings.org.ops_telemetry:
            return Verdict(False, f"ops-telemetry may leave id-jkt-1 only with opsTelemetry: true ({edge})")
        allowed = self.allowed_regions(data_class, collection)
        if not allowed.permits(destination):
            return Verdict(
                False,
                f"{data_class.value} may not be copied {edge}; allowed regions: {allowed.describe()}"
                + self._why_not_sg(data_class, destination, collection),
            )
        if not allowed.permits(source):
            return Verdict(False, f"{data_class.value} may not be held in the source region of {edge}")
        return Verdict(True, f"{data_class.value} may be copied {edge}")

    def edge_verdict(self, data_class: DataClass, collection: Collection | None = None) -> Verdict:
        """May a global resource (CDN, accelerator, edge store) serve this class from edge locations worldwide?

        Only classes that may live anywhere qualify: ops-telemetry under `opsTelemetry: true`, and software
        artefacts, which hold no personal data (their three-region list is hygiene, not residency).
        """
        placement = MATRIX[data_class].region_rule
        if self.allowed_regions(data_class, collection).anywhere or placement is RegionRule.ANYWHERE_KNOWN:
            return Verdict(True, f"{data_class.value} may be served from edge locations")
        allowed = self.allowed_regions(data_class, collection).describe()
        return Verdict(False, f"{data_class.value} may be held only in {allowed}, not at edge locations worldwide")

    def is_weaker(self, label: DataClass, received: DataClass, collection: Collection | None = None) -> bool:
        """Does labelling data of class `received` as `label` allow something `received` does not?"""
        if label is received:
            return False
        probes = [*(r.aws for r in Region), FOREIGN_PROBE]
        for region in probes:
            if (
                self.placement_verdict(label, region, collection).allowed
                and not self.placement_verdict(received, region, collection).allowed
            ):
                return True
        for source in probes:
            for destination in probes:
                if (
                    self.copy_verdict(label, source, destination, collection).allowed
                    and not self.copy_verdict(received, source, destination, collection).allowed
                ):
                    return True
        return self.edge_verdict(label, collection).allowed and not self.edge_verdict(received, collection).allowed

    def _why_not_sg(self, data_class: DataClass, aws_region: str, collection: Collection | None) -> str:
        if logical_region(aws_region) is not Region.SG_SIN_1:
            return ""
        if MATRIX[data_class].region_rule not in (RegionRule.PERSONAL, RegionRule.WATCHLIST):
            return ""
        problem = self.sg_problem(collection)
        return f" (sg-sin-1 needs dataResidency ID-SG with an SCC covering it: {problem})" if problem else ""
