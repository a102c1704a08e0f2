"""`residency exceptions` lists entries with days to expiry; `residency baseline` drafts entries that must be edited."""

import json
from datetime import timedelta
from pathlib import Path

import yaml
from click.testing import CliRunner

from residency.cli import cli
from residency.model.errors import ResidencyConfigError
from residency.model.exceptions import EXCEPTIONS_KEY, load_exceptions
from residency.rules.context import POLICY_NAMES
from tests.conftest import TODAY
from tests.gate.projects import POLICY_PACK, write_project
from tests.model.test_exceptions import entry


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_lists_with_days_left_and_exit_1_when_one_expired(tmp_path: Path) -> None:
    soon = str(TODAY + timedelta(days=10))
    gone = str(TODAY - timedelta(days=2))
    root = write_project(tmp_path, "", extra={EXCEPTIONS_KEY: [entry(expires=soon), entry(expires=gone, ticket="T-9")]})
    code, out, _ = _invoke("exceptions", "--stack", "dev", "--cwd", str(root))
    assert code == 1 and "10 day(s) left" in out and "EXPIRED 2 day(s) ago" in out
    code, out, _ = _invoke("exceptions", "-s", "dev", "-C", str(root), "--format", "json")
    assert [r["daysLeft"] for r in json.loads(out)["exceptions"]] == [10, -2]


def test_invalid_entries_are_exit_2_naming_the_entry(tmp_path: Path) -> None:
    root = write_project(tmp_path, "", extra={EXCEPTIONS_KEY: [entry(reason="too short")]})
    code, _, err = _invoke("exceptions", "--stack", "dev", "--cwd", str(root))
    assert code == 2 and "residency:exceptions[0].reason" in err and "Traceback" not in err


def test_baseline_drafts_waivable_findings_and_refuses_placements(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, 'bucket("legacy", "customer-pii", force_destroy=True)\nbucket("far", "biometric", SIN)'
    )
    code, out, err = _invoke("baseline", "--stack", "dev", "--cwd", str(root), "--policy-pack", str(POLICY_PACK))
    assert code == 0, err
    drafted = yaml.safe_load(out)["config"][EXCEPTIONS_KEY]
    assert {(d["policy"], d["resource"].rsplit("::", 1)[1]) for d in drafted} == {
        ("enable-deletion-protection", "legacy")
    }
    assert "cannot be waived, fix it: restrict-data-class-region" in err
    try:
        load_exceptions({EXCEPTIONS_KEY: drafted}, TODAY, POLICY_NAMES)
    except ResidencyConfigError as exc:
        assert exc.key == f"{EXCEPTIONS_KEY}[0].reason" and "placeholder" in exc.problem
    else:
        raise AssertionError("a baseline draft must not validate until a person writes the reason")


def test_invalid_residency_settings_are_exit_2_naming_the_key(tmp_path: Path) -> None:
    root = write_project(tmp_path, "", org={"dataResidency": "ID-XX"}, extra={EXCEPTIONS_KEY: [entry()]})
    code, _, err = _invoke("exceptions", "--stack", "dev", "--cwd", str(root))
    assert code == 2 and "residency:org" in err and "dataResidency" in err and "Traceback" not in err


def test_baseline_refuses_a_copy_no_exception_can_waive(tmp_path: Path) -> None:
    """A copy of data of undetermined class is never waived (the gate refuses the entry), so drafting one only
    hid a fix behind an exception that would never apply."""
    root = write_project(
        tmp_path,
        'trail()\ndatabase("replica", "customer-pii", '
        'replicate_source_db="arn:aws:rds:ap-southeast-1:111122223333:db:outside")',
    )
    code, out, err = _invoke("baseline", "--stack", "dev", "--cwd", str(root), "--policy-pack", str(POLICY_PACK))
    assert code == 0, err
    drafted = yaml.safe_load(out)["config"][EXCEPTIONS_KEY]
    assert [d["policy"] for d in drafted if d["policy"] == "restrict-cross-region-replication"] == []
    assert "cannot be waived, fix it: restrict-cross-region-replication" in err
