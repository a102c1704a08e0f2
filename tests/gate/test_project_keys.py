"""This project's own Pulumi.yaml declares every residency key its stacks may set: a documented key is never
refused as a typo of another, and a real typo still is."""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from residency.gate.project import ProjectError, load_project

ROOT = Path(__file__).parents[2]


def _stack(tmp_path: Path, config: dict[str, object]) -> Path:
    shutil.copy(ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    (tmp_path / "__main__.py").write_text("", encoding="utf-8")
    base = yaml.safe_load((ROOT / "Pulumi.id-jkt-1.yaml").read_text(encoding="utf-8"))
    base["config"].update(config)
    (tmp_path / "Pulumi.id-jkt-1.yaml").write_text(yaml.safe_dump(base), encoding="utf-8")
    return tmp_path


def test_the_documented_exceptions_key_is_accepted(tmp_path: Path) -> None:
    entry = {"policy": "enable-deletion-protection", "resource": "urn:pulumi:*::*::*::legacy-*"}
    project = load_project(_stack(tmp_path, {"residency:exceptions": [entry]}), "id-jkt-1")
    assert json.loads(project.engine_config()["residency:exceptions"]) == [entry]


def test_a_typo_of_a_declared_key_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="did you mean residency:exceptions"):
        load_project(_stack(tmp_path, {"residency:exceptons": []}), "id-jkt-1")


def test_a_stack_file_that_is_a_symlink_loop_says_so(tmp_path: Path) -> None:
    import pytest

    from residency.gate.project import load_project
    from residency.model.errors import ResidencyConfigError

    (tmp_path / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("")
    stack_file = tmp_path / "Pulumi.dev.yaml"
    stack_file.symlink_to(stack_file)
    with pytest.raises(ResidencyConfigError) as caught:
        load_project(tmp_path, "dev")
    assert str(caught.value) == f"{stack_file}: cannot be read (a symlink loop)"


@pytest.mark.parametrize("imports", [["acme/aws-jakarta"], {"imports": ["acme/aws-jakarta"]}])
def test_a_stack_importing_esc_environments_is_refused_naming_them(tmp_path: Path, imports: object) -> None:
    # their config (aws:region, aws:endpoints, residency:*) cannot be opened offline; judging without it is not
    # judging this stack, and a missing aws:region would fall back to $AWS_REGION
    (tmp_path / "Pulumi.yaml").write_text("name: p\nruntime: python\n")
    (tmp_path / "__main__.py").write_text("")
    (tmp_path / "Pulumi.dev.yaml").write_text(yaml.safe_dump({"environment": imports, "config": {"p:x": "1"}}))
    with pytest.raises(ProjectError) as err:
        load_project(tmp_path, "dev")
    assert "Pulumi.dev.yaml: environment" in str(err.value)
    assert "imports Pulumi ESC environment(s) acme/aws-jakarta, which the offline gate cannot open" in str(err.value)


@pytest.mark.parametrize(
    ("extra", "key", "problem"),
    [
        ("main: 7\n", "main", "7 is not a path; allowed: a relative path as text"),
        ("main: [a, b]\n", "main", "['a', 'b'] is not a path; allowed: a relative path as text"),
        ("stackConfigDir: [a]\n", "stackConfigDir", "['a'] is not a path; allowed: a relative path as text"),
        ("config: [1]\n", "config", "must be a mapping of key: {type, default} or key: value"),
    ],
)
def test_a_project_key_of_the_wrong_type_is_named(tmp_path: Path, extra: str, key: str, problem: str) -> None:
    """`main: 7` was an internal error (Path / int); `config: [1]` was silently no declared config."""
    (tmp_path / "Pulumi.yaml").write_text(f"name: sample\nruntime: python\n{extra}", encoding="utf-8")
    (tmp_path / "__main__.py").write_text("", encoding="utf-8")
    (tmp_path / "Pulumi.dev.yaml").write_text("config: {}\n", encoding="utf-8")
    with pytest.raises(ProjectError) as caught:
        load_project(tmp_path, "dev")
    assert str(caught.value) == f"{tmp_path / 'Pulumi.yaml'}: {key}: {problem}"
