"""`--settings FILE`: known top-level keys only, each given once."""

from pathlib import Path

import pytest

from residency.audit.settings_source import audit_posture
from residency.model.errors import ResidencyConfigError


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("orgs: {dataResidency: ID-only}\n", "orgs: unknown key; did you mean org? allowed keys:"),
        ("colections: []\n", "colections: unknown key; did you mean collections? allowed keys:"),
        (
            "org: {dataResidency: ID-only}\nresidency:org: {dataResidency: ID-SG}\n",
            "org: is given both as org and residency:org; give one of them",
        ),
    ],
)
def test_settings_file_keys_are_checked(tmp_path: Path, text: str, problem: str) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(text)
    with pytest.raises(ResidencyConfigError) as caught:
        audit_posture(None, settings)
    assert str(caught.value).startswith(f"{settings}: {problem}")
