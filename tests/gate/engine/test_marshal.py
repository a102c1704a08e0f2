"""Resource references are downgraded exactly as the engine's MarshalPropertyValue does without KeepResources."""

from residency.facts.values import SECRET_SIG_KEY, UNKNOWN
from residency.gate.engine.marshal import RESOURCE_SIG, downgrade_references


def ref(urn: str, ident: str | None = None) -> dict[str, object]:
    out: dict[str, object] = {SECRET_SIG_KEY: RESOURCE_SIG, "urn": urn, "packageVersion": "7.0.0"}
    if ident is not None:
        out["id"] = ident
    return out


def test_a_custom_resource_becomes_its_id_and_a_component_its_urn() -> None:
    value = {"role": ref("urn:r", "role-123"), "nested": [ref("urn:c")], "plain": "x"}
    assert downgrade_references(value) == {"role": "role-123", "nested": ["urn:c"], "plain": "x"}


def test_an_id_unknown_during_preview_stays_unknown() -> None:
    assert downgrade_references(ref("urn:r", "")) == UNKNOWN
