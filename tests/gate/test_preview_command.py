"""`residency preview` as CI runs it: exit codes, formats, the plan, and one-line errors."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from residency.cli import cli
from tests.gate.projects import ID_SG, POLICY_PACK, policy_config, preview, write_project

BAD = 'bucket("b", "customer-pii", SIN)'
GOOD = 'bucket("b", "customer-pii")'


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_exit_0_and_json_shape(tmp_path: Path) -> None:
    root = write_project(tmp_path, GOOD)
    code, out, _ = _invoke(
        "preview", "--stack", "dev", "--cwd", str(root), "--policy-pack", str(POLICY_PACK), "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["project"] == "sample" and doc["stack"] == "dev" and doc["violations"] == []
    bucket = next(r for r in doc["resources"] if r["type"] == "aws:s3/bucket:Bucket")
    assert bucket == {
        "urn": "urn:pulumi:dev::sample::aws:s3/bucket:Bucket::b",
        "type": "aws:s3/bucket:Bucket",
        "name": "b",
        "region": "ap-southeast-3",
        "dataClass": "customer-pii",
    }


def test_exit_1_and_plan_written_whatever_the_verdict(tmp_path: Path) -> None:
    root = write_project(tmp_path, BAD)
    plan = tmp_path / "out" / "plan.json"
    code, out, _ = _invoke(
        "preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--out", str(plan)
    )
    assert code == 1
    assert "Policy Violations:" in out and "[mandatory]" in out and "BLOCKED" in out
    doc = json.loads(plan.read_text())
    assert doc["kind"] == "residency-plan" and doc["stack"] == "dev"
    assert any(v["policy"] == "restrict-data-class-region" for v in doc["violations"])
    bucket = next(r for r in doc["resources"] if r["type"] == "aws:s3/bucket:Bucket")
    assert bucket["protections"]["publicAccessBlocked"] is True
    assert bucket["arn"] == "arn:aws:s3:::b-" + bucket["arn"].rsplit("-", 1)[1]
    assert not list((tmp_path / "out").glob(".*.tmp"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stack", "missing"], "Pulumi.missing.yaml: no config for stack 'missing'"),
        (["--stack", "dev", "--policy-pack-config", "nope.json"], "nope.json: file not found"),
        (["--stack", "dev", "--policy-pack", "/nonexistent-pack"], "has no __main__.py"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    root = write_project(tmp_path, GOOD)
    proc = subprocess.run(
        [sys.executable, "-m", "residency", "preview", "-C", str(root), *args], capture_output=True, text=True, cwd=root
    )
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_program_exception_names_file_and_line(tmp_path: Path) -> None:
    root = write_project(tmp_path, 'raise ValueError("boom")\n')
    code, _, err = _invoke("preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK))
    assert code == 2
    line = (root / "__main__.py").read_text().splitlines().index('raise ValueError("boom")') + 1
    assert err == f"error: program: ValueError: boom (at __main__.py:{line})\n"


def test_an_exception_in_an_exported_apply_names_its_line(tmp_path: Path) -> None:
    # the SDK re-raises it from wait_for_rpcs with the callback's frames gone
    program = (
        "import pulumi\nimport pulumi_aws as aws\n"
        'b = aws.s3.Bucket("b", tags={"data-class": "software-artifact"})\n'
        'pulumi.export("x", b.bucket.apply(lambda n: {}[n]))\n'
    )
    root = write_project(tmp_path, program, prelude=False)
    code, _, err = _invoke("preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK))
    line = (root / "__main__.py").read_text().splitlines().index('pulumi.export("x", b.bucket.apply(lambda n: {}[n]))')
    assert code == 2 and err.startswith("error: program: KeyError: ") and err.endswith(f"(at __main__.py:{line + 1})\n")


def test_program_timeout_names_the_last_resource(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, 'import time\nb, _ = bucket("b", "customer-pii")\nb.id.apply(lambda _: time.sleep(60))\n'
    )
    code, _, err = _invoke("preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--timeout", "8")
    assert code == 2
    assert "did not finish within 8 s; last resource registered: urn:pulumi:dev::sample::" in err


def test_missing_package_says_how_to_install(tmp_path: Path) -> None:
    root = write_project(tmp_path, "import pulumi_notinstalled_xyz\n", prelude=False)
    code, _, err = _invoke("preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK))
    assert code == 2 and "program needs package pulumi_notinstalled_xyz: pip install pulumi-notinstalled-xyz" in err


def test_policy_pack_config_levels_and_accepted_scc(tmp_path: Path) -> None:
    root = write_project(tmp_path, BAD, ID_SG)
    assert preview(root).violations == []
    narrowed = policy_config(tmp_path, {"restrict-data-class-region": {"acceptedSccReferences": ["SCC-OTHER"]}})
    narrowed_result = preview(root, config_file=narrowed)
    assert {v.policy for v in narrowed_result.violations} == {"restrict-data-class-region"}
    assert all("acceptedSccReferences" in v.message for v in narrowed_result.violations)
    advisory = policy_config(
        tmp_path, {"all": "advisory", "restrict-data-class-region": {"acceptedSccReferences": ["SCC-OTHER"]}}
    )
    result = preview(root, config_file=advisory)
    assert {v.level for v in result.violations} == {"advisory"} and result.exit_code == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {"no-such-policy": "mandatory"},
            "no-such-policy: is not a policy of this pack; allowed: all, configure-retention",
        ),
        ({"all": "blocking"}, "all: 'blocking' is not an enforcement level; allowed: advisory, mandatory, remediate"),
        ({"restrict-data-class-region": {"acceptedSccReferences": "SCC-1"}}, "'SCC-1' is not of type 'array'"),
        (  # was silently ignored: an undeclared property is never read
            {"restrict-data-class-region": {"acceptedSCCReferences": ["SCC-2026-014"]}},
            "restrict-data-class-region.acceptedSCCReferences: is not a property of this policy; "
            "did you mean acceptedSccReferences? allowed: acceptedSccReferences, knownResources",
        ),
    ],
)
def test_bad_policy_pack_config(tmp_path: Path, config: dict[str, object], message: str) -> None:
    root = write_project(tmp_path, GOOD)
    path = policy_config(tmp_path, config)
    code, _, err = _invoke(
        "preview", "-s", "dev", "-C", str(root), "--policy-pack", str(POLICY_PACK), "--policy-pack-config", str(path)
    )
    assert code == 2 and message in err


def test_stack_reference_without_plan_is_a_note_not_a_crash(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, 'ref = pulumi.StackReference("organization/other/prod")\npulumi.export("x", ref.get_output("x"))\n'
    )
    result = preview(root)
    assert result.exit_code == 0
    # another project's stack cannot be previewed in this run, and only its full name matches --stack-outputs
    assert result.notes == [
        "StackReference organization/other/prod: the outputs of stack 'prod' are unknown; it is a stack of project "
        "other, which a run of sample cannot preview: pass a trusted `pulumi stack output --json` file of it "
        "(--stack-outputs organization/other/prod=FILE)"
    ]


@pytest.mark.parametrize(
    ("ref", "advice"),
    [
        ("prod", "(--stack prod) or pass"),
        ("acme/prod", "(--stack-outputs prod=FILE)"),
        ("acme/sample/prod", "(--stack-outputs prod=FILE)"),
        ("acme/network/prod", "(--stack-outputs acme/network/prod=FILE)"),
    ],
)
def test_the_advice_for_unknown_outputs_names_what_matches_the_reference(ref: str, advice: str) -> None:
    from residency.gate.reference_names import how_to_provide, match_reference

    text = how_to_provide(ref, "sample")
    assert advice in text
    # the name advised for --stack-outputs is one the gate matches to this reference
    (named,) = re.findall(r"--stack-outputs (\S+)=FILE", text)
    assert match_reference(ref, {named}, "sample") == named


def test_an_unknown_stack_lists_the_stacks_that_have_config(tmp_path: Path) -> None:
    from residency.gate.project import load_project
    from residency.model.errors import ResidencyConfigError
    from tests.gate.projects import write_project

    root = write_project(tmp_path, 'bucket("b", "customer-pii")', stack="id-jkt-1")
    (root / "Pulumi.sg-sin-1.yaml").write_text("config: {}\n")
    with pytest.raises(ResidencyConfigError) as err:
        load_project(root, "id-jkt")
    assert str(err.value).endswith(
        "no config for stack 'id-jkt'; stacks with a Pulumi.<stack>.yaml here: id-jkt-1, sg-sin-1 "
        "(create one with pulumi stack init id-jkt)"
    )


def test_a_duplicate_urn_is_a_program_error_naming_it(tmp_path: Path) -> None:
    from residency.gate.engine.launcher import ProgramError
    from tests.gate.projects import preview, write_project

    program = """
aws.sqs.Queue("twice", opts=opts(JKT))
aws.sqs.Queue("twice", opts=opts(JKT))
"""
    with pytest.raises(ProgramError) as err:
        preview(write_project(tmp_path, program))
    assert "duplicate resource URN urn:pulumi:dev::sample::aws:sqs/queue:Queue::twice" in str(err.value)


def test_switching_the_core_policies_off_is_never_silent(tmp_path: Path) -> None:
    root = write_project(tmp_path, BAD)
    config = policy_config(tmp_path, {"all": "disabled"})
    plan = tmp_path / "plan.json"
    code, out, _ = _invoke(
        "preview",
        "-s",
        "dev",
        "-C",
        str(root),
        "--policy-pack",
        str(POLICY_PACK),
        "--policy-pack-config",
        str(config),
        "--out",
        str(plan),
    )
    assert code == 0  # nothing blocks any more, which is exactly why it must be said
    assert out.splitlines()[2].startswith(
        "WARNING: CORE POLICY WEAKENED by the policy pack config: "
        "require-data-class-tag is disabled (default mandatory)"
    )
    doc = json.loads(plan.read_text())
    assert [w["policy"] for w in doc["weakenedPolicies"]] == [
        "require-data-class-tag",
        "restrict-data-class-region",
        "restrict-cross-region-replication",
        "require-valid-residency-settings",
        "require-valid-exceptions",
    ]
    assert set(doc["policyConfig"].values()) == {"disabled"}
    advisory = policy_config(tmp_path, {"restrict-cross-region-replication": "advisory"})
    result = preview(root, config_file=advisory)
    assert result.weakened_policies == [
        {"policy": "restrict-cross-region-replication", "level": "advisory", "default": "mandatory"}
    ]
    assert preview(root).weakened_policies == []
