"""Generated garbage at every reader and at the settings model: an answer in the contract, never a traceback.

Each reader either accepts the input or raises ResidencyConfigError (one line naming the input); through the CLI,
the exit code is 0, 1 or 2 and stderr is one `error:` line that is not an internal error.
"""

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from residency.audit.settings_source import audit_posture
from residency.cli import cli
from residency.diff.readers import read_pair
from residency.gate.analyzer_client import PolicyInfo
from residency.gate.policy_config import read_policy_config_file, resolve_policy_config
from residency.gate.project import load_project
from residency.gate.stack_outputs import read_stack_outputs
from residency.model.clock import today
from residency.model.errors import ResidencyConfigError
from residency.model.stack_settings import load_stack_settings

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WORDS = st.sampled_from(
    [
        "org",
        "collections",
        "resources",
        "deployment",
        "steps",
        "urn",
        "type",
        "outputs",
        "inputs",
        "dataResidency",
        "scc",
        "ID-SG",
        "ID-only",
        "sg-sin-1",
        "customer-pii",
        "classes",
        "name",
        "version",
        "kind",
        "residency-plan",
        "checkpoint",
        "latest",
        "op",
        "newState",
        "retentionDays",
        "default",
        "enforcementLevel",
        "all",
        "mandatory",
        "config",
        "aws:region",
        "residency:org",
        "residency:collections",
        "expires",
        "2026-07-01",
    ]
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=False), WORDS, st.text(max_size=12)
)
JSONISH = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(WORDS, st.text(max_size=6)), inner, max_size=5)
    ),
    max_leaves=25,
)
SHAPED = st.one_of(
    JSONISH,
    st.builds(lambda r: {"kind": "residency-plan", "resources": r}, JSONISH),
    st.builds(lambda r: {"version": 3, "deployment": {"resources": r}}, JSONISH),
    st.builds(lambda r: {"checkpoint": {"latest": r}}, JSONISH),
    st.builds(lambda s: {"steps": s}, JSONISH),
    st.builds(lambda s: {"steps": [s]}, JSONISH),
)


POLICIES = [
    PolicyInfo(
        "restrict-data-class-region",
        "d",
        "mandatory",
        {"properties": {"acceptedSccReferences": {"type": "array", "items": {"type": "string"}}}},
    ),
    PolicyInfo("require-data-class-tag", "d", "mandatory", {}),
]


def _accepts_or_one_line(fn: Any, *args: Any) -> None:
    try:
        fn(*args)
    except ResidencyConfigError as exc:
        assert "\n" not in str(exc) and str(exc).strip()


@SETTINGS
@given(doc=SHAPED)
def test_diff_readers(tmp_path_factory: Any, doc: Any) -> None:
    path = tmp_path_factory.mktemp("diff") / "in.json"
    path.write_text(json.dumps(doc))
    _accepts_or_one_line(read_pair, path, path)
    _accepts_or_one_line(read_pair, None, path)


@SETTINGS
@given(doc=SHAPED)
def test_stack_outputs_reader(tmp_path_factory: Any, doc: Any) -> None:
    path = tmp_path_factory.mktemp("outputs") / "out.json"
    path.write_text(json.dumps(doc))
    _accepts_or_one_line(read_stack_outputs, "other", path)


@SETTINGS
@given(config=st.dictionaries(st.sampled_from(["residency:org", "residency:collections"]), JSONISH, max_size=2))
def test_settings_model(config: dict[str, Any]) -> None:
    _accepts_or_one_line(load_stack_settings, config, today())


@SETTINGS
@given(doc=JSONISH, as_text=st.booleans())
def test_stack_files(tmp_path_factory: Any, doc: Any, as_text: bool) -> None:
    root = tmp_path_factory.mktemp("project")
    (root / "Pulumi.yaml").write_text("name: p\nruntime: python\nconfig:\n  org: {description: x}\n")
    (root / "__main__.py").write_text("")
    text = json.dumps(doc) if as_text else yaml.safe_dump({"config": doc})
    (root / "Pulumi.dev.yaml").write_text(text)
    _accepts_or_one_line(load_project, root, "dev")
    _accepts_or_one_line(audit_posture, "dev", None, root)


@SETTINGS
@given(doc=st.one_of(JSONISH, st.dictionaries(st.sampled_from([p.name for p in POLICIES] + ["all"]), JSONISH)))
def test_policy_pack_config(tmp_path_factory: Any, doc: Any) -> None:
    path = tmp_path_factory.mktemp("policy") / "config.json"
    path.write_text(json.dumps(doc))
    _accepts_or_one_line(lambda: resolve_policy_config(read_policy_config_file(path), POLICIES))


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200), command=st.sampled_from(["diff", "scp", "known-resources"]))
def test_cli_on_raw_bytes(tmp_path_factory: Any, data: bytes, command: str) -> None:
    path = tmp_path_factory.mktemp("cli") / "input"
    path.write_bytes(data)
    args = {
        "diff": ["diff", str(path), str(path)],
        "scp": ["scp", "--settings", str(path)],
        "known-resources": ["known-resources", str(path)],
    }[command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and "internal error" not in lines[0]


def test_the_known_failures_name_their_input(tmp_path: Path) -> None:
    export = tmp_path / "future.json"
    export.write_text(json.dumps({"version": 4, "deployment": {"resources": []}}))
    result = CliRunner().invoke(cli, ["diff", str(export), str(export)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {export}: is a stack export of version 4; supported versions: 1, 2, 3"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50000 + "]" * 50000)
    result = CliRunner().invoke(cli, ["diff", str(deep), str(deep)])
    assert result.exit_code == 2 and "nested too deeply" in result.stderr
