"""The model's matrix against DESIGN.md section 2, case by case."""

import pytest

from residency.model.data_classes import DataClass as C
from residency.model.posture import Posture
from residency.model.regions import Region
from tests.conftest import ID_ONLY, ID_SG, SCC, posture

JKT, SIN, IAD = (r.aws for r in (Region.ID_JKT_1, Region.SG_SIN_1, Region.US_IAD_1))
OPS_ON = posture({"opsTelemetry": True})
SG_EGRESS = posture({"dataResidency": "ID-SG", "scc": SCC, "webhookEgressRegion": "sg-sin-1"})

# (class, posture, region, allowed?)
PLACEMENT = [
    *[(c, ID_ONLY, JKT, True) for c in C if c is not C.WEBHOOK_OUTBOX],
    (C.WEBHOOK_OUTBOX, ID_ONLY, JKT, True),
    *[(c, ID_ONLY, SIN, False) for c in (C.CUSTOMER_PII, C.BIOMETRIC, C.SOURCE_DOCUMENT, C.API_LOG, C.ANALYTICS)],
    *[(c, ID_SG, SIN, True) for c in (C.CUSTOMER_PII, C.BIOMETRIC, C.SOURCE_DOCUMENT, C.API_LOG, C.ANALYTICS)],
    *[(c, ID_SG, SIN, False) for c in (C.AUDIT_LOG, C.DATA_MOVEMENT_AUDIT, C.SAR_ENVELOPE)],
    *[(c, ID_SG, IAD, False) for c in (C.CUSTOMER_PII, C.AUDIT_LOG, C.SAR_ENVELOPE, C.ANALYTICS)],
    (C.WEBHOOK_OUTBOX, ID_SG, SIN, False),
    (C.WEBHOOK_OUTBOX, SG_EGRESS, SIN, True),
    (C.WEBHOOK_OUTBOX, SG_EGRESS, JKT, False),
    (C.WATCHLIST, ID_ONLY, IAD, True),
    (C.WATCHLIST, ID_ONLY, SIN, False),
    (C.WATCHLIST, ID_SG, SIN, True),
    (C.OPS_TELEMETRY, ID_ONLY, SIN, False),
    (C.OPS_TELEMETRY, OPS_ON, SIN, True),
    (C.OPS_TELEMETRY, OPS_ON, "eu-west-1", True),
    (C.SOFTWARE_ARTIFACT, ID_ONLY, SIN, True),
    (C.SOFTWARE_ARTIFACT, ID_ONLY, IAD, True),
    (C.SOFTWARE_ARTIFACT, ID_ONLY, "eu-west-1", False),
    (C.CUSTOMER_PII, ID_ONLY, "eu-west-1", False),
]


@pytest.mark.parametrize(("data_class", "settings", "region", "allowed"), PLACEMENT)
def test_placement(data_class: C, settings: Posture, region: str, allowed: bool) -> None:
    assert settings.placement_verdict(data_class, region).allowed is allowed


# (class, posture, source, destination, allowed?)
COPIES = [
    *[(c, ID_ONLY, JKT, SIN, False) for c in (C.CUSTOMER_PII, C.BIOMETRIC, C.SOURCE_DOCUMENT, C.API_LOG)],
    *[(c, ID_SG, JKT, SIN, True) for c in (C.CUSTOMER_PII, C.BIOMETRIC, C.SOURCE_DOCUMENT, C.API_LOG, C.ANALYTICS)],
    # Active-active under ID-SG: writes taken in Singapore flow home to Jakarta.
    *[(c, ID_SG, SIN, JKT, True) for c in (C.CUSTOMER_PII, C.BIOMETRIC)],
    *[(c, ID_ONLY, SIN, JKT, False) for c in (C.CUSTOMER_PII, C.BIOMETRIC)],
    *[(c, ID_SG, JKT, IAD, False) for c in (C.CUSTOMER_PII, C.ANALYTICS)],
    *[(c, ID_SG, JKT, SIN, False) for c in (C.AUDIT_LOG, C.DATA_MOVEMENT_AUDIT, C.SAR_ENVELOPE)],
    (C.WEBHOOK_OUTBOX, SG_EGRESS, JKT, SIN, False),
    (C.WATCHLIST, ID_ONLY, IAD, JKT, True),
    (C.WATCHLIST, ID_ONLY, JKT, SIN, False),
    (C.WATCHLIST, ID_SG, JKT, SIN, True),
    (C.OPS_TELEMETRY, ID_ONLY, JKT, SIN, False),
    (C.OPS_TELEMETRY, OPS_ON, JKT, "eu-west-1", True),
    (C.SOFTWARE_ARTIFACT, ID_ONLY, IAD, JKT, True),
    (C.SOFTWARE_ARTIFACT, ID_ONLY, JKT, "eu-west-1", False),
    (C.CUSTOMER_PII, ID_ONLY, JKT, JKT, True),
]


@pytest.mark.parametrize(("data_class", "settings", "source", "destination", "allowed"), COPIES)
def test_copy(data_class: C, settings: Posture, source: str, destination: str, allowed: bool) -> None:
    assert settings.copy_verdict(data_class, source, destination).allowed is allowed


def test_every_class_is_in_the_matrix() -> None:
    assert sorted(c.value for c in C) == sorted(
        [
            "customer-pii",
            "biometric",
            "source-document",
            "api-log",
            "audit-log",
            "data-movement-audit",
            "sar-envelope",
            "webhook-outbox",
            "watchlist",
            "analytics",
            "ops-telemetry",
            "software-artifact",
        ]
    )


def test_collection_override_keeps_pii_in_indonesia_under_an_id_sg_org() -> None:
    p = posture(
        {"dataResidency": "ID-SG", "scc": SCC},
        [{"name": "kyc", "classes": ["customer-pii"], "dataResidency": "ID-only"}],
    )
    kyc = p.settings.collection("kyc")
    assert not p.placement_verdict(C.CUSTOMER_PII, SIN, kyc).allowed
    assert "collection 'kyc' is dataResidency ID-only" in p.copy_verdict(C.CUSTOMER_PII, JKT, SIN, kyc).reason
    assert p.placement_verdict(C.CUSTOMER_PII, SIN).allowed


def test_accepted_scc_references_narrow_the_scc() -> None:
    p = posture({"dataResidency": "ID-SG", "scc": SCC}, accepted=frozenset({"SCC-OTHER"}))
    verdict = p.copy_verdict(C.CUSTOMER_PII, JKT, SIN)
    assert not verdict.allowed
    assert "not in the pack's acceptedSccReferences" in verdict.reason


def test_an_scc_past_its_expiry_no_longer_allows_sg() -> None:
    from datetime import date

    later = ID_SG.__class__(ID_SG.settings, date(2028, 7, 1))
    verdict = later.placement_verdict(C.BIOMETRIC, SIN)
    assert not verdict.allowed
    assert "is not in force on 2028-07-01" in verdict.reason
