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


@pytest.mark.parametrize("text", ["[]\n", "false\n", "0\n", '""\n'])
def test_a_settings_file_of_the_wrong_type_is_refused_even_when_falsy(tmp_path: Path, text: str) -> None:
    """`[]` or `false` is not "no settings" (which would quietly be the default posture): it is the wrong type."""
    settings = tmp_path / "settings.yaml"
    settings.write_text(text)
    with pytest.raises(ResidencyConfigError) as caught:
        audit_posture(None, settings)
    assert str(caught.value) == f"{settings}: must be an object with keys org and collections"


@pytest.mark.parametrize("config", ["[]", "false", '""'])
def test_a_stack_config_of_the_wrong_type_is_refused_even_when_falsy(tmp_path: Path, config: str) -> None:
    (tmp_path / "Pulumi.dev.yaml").write_text(f"config: {config}\n")
    with pytest.raises(ResidencyConfigError) as caught:
        audit_posture("dev", None, tmp_path)
    assert str(caught.value).endswith("Pulumi.dev.yaml: must be a mapping with a config: mapping")


def test_an_empty_settings_file_is_no_settings(tmp_path: Path) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text("")
    assert audit_posture(None, settings)[1] == f"settings from {settings}"
