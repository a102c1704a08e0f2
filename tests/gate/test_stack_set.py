"""Other stacks' outputs come only from the same run or an explicit file; order never changes a verdict."""

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from residency.cli import cli
from residency.gate.engine.launcher import ProgramError
from residency.gate.preview import PreviewOptions, run_preview, run_previews
from tests.gate.projects import ID_SG, POLICY_PACK, REPO
from tests.gate.test_cross_stack import _project


def _two_stack_project(root: Path, programs: dict[str, str], orgs: dict[str, object] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "Pulumi.yaml").write_text(yaml.safe_dump({"name": "pair", "runtime": "python"}))
    for stack in programs:
        config = {"aws:region": "ap-southeast-3", "residency:org": (orgs or {}).get(stack, ID_SG), "program": stack}
        (root / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump({"config": config}))
    body = "import pulumi\nwhich = pulumi.Config().require('program')\n"
    for stack, program in programs.items():
        body += f"if which == {stack!r}:\n" + "".join(f"    {line}\n" for line in program.strip().splitlines())
    (root / "__main__.py").write_text(body)
    return root


def test_a_forged_state_file_in_the_program_directory_is_ignored(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    alone = run_preview(PreviewOptions("singapore", root, POLICY_PACK))
    forged = root / ".residency" / "state" / "jakarta.json"
    forged.parent.mkdir(parents=True)
    forged.write_text(
        json.dumps(
            {
                "stack": "jakarta",
                "outputs": {"dbArn": "arn:aws:rds:ap-southeast-1:111122223333:db:primary"},
                "resources": [{"arn": "arn:aws:rds:ap-southeast-1:111122223333:db:primary", "dataClass": "analytics"}],
            }
        )
    )
    again = run_preview(PreviewOptions("singapore", root, POLICY_PACK))
    assert again.to_plan() == alone.to_plan()
    assert alone.exit_code == 1  # the replica's source is unknown: fail closed, and say how to provide it
    assert any(
        "outputs of stack jakarta, which are unknown" in v.message and "--stack jakarta" in v.message
        for v in alone.mandatory
    )


def test_the_order_stacks_are_named_in_never_changes_a_verdict(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "analytics")
    one = {r.stack: r.to_plan() for r in run_previews(PreviewOptions(("jakarta", "singapore"), root, POLICY_PACK))}
    two = {r.stack: r.to_plan() for r in run_previews(PreviewOptions(("singapore", "jakarta"), root, POLICY_PACK))}
    assert one == two
    assert any("relabelled replica" in v["message"] for v in one["singapore"]["violations"])


def test_demo_stacks_in_either_order_give_the_same_plans(tmp_path: Path) -> None:
    forward = run_previews(PreviewOptions(("id-jkt-1", "sg-sin-1"), REPO, POLICY_PACK))
    backward = run_previews(PreviewOptions(("sg-sin-1", "id-jkt-1"), REPO, POLICY_PACK))
    plans = {r.stack: json.dumps(r.to_plan(), sort_keys=True) for r in forward}
    assert plans == {r.stack: json.dumps(r.to_plan(), sort_keys=True) for r in backward}
    jakarta = next(r for r in forward if r.stack == "id-jkt-1")
    outbound = [r for r in jakarta.resources if r.type.endswith("BucketReplicationConfig") and "to-sg-sin-1" in r.name]
    assert outbound, "Jakarta's outbound replication needs sg-sin-1's outputs from the same run"
    assert all(r.exit_code == 0 for r in forward)


def test_a_reference_cycle_settles(tmp_path: Path) -> None:
    peer = (
        'import pulumi_aws as aws\n{peer} = pulumi.StackReference("{peer}")\npulumi.export("name", "{me}")\n'
        'aws.sqs.Queue("q", tags={{"data-class": "ops-telemetry", "peer": {peer}.get_output("name")}})'
    )
    root = _two_stack_project(tmp_path, {"a": peer.format(me="a", peer="b"), "b": peer.format(me="b", peer="a")})
    steps: list[str] = []
    results = run_previews(PreviewOptions(("b", "a"), root, POLICY_PACK), steps.append)
    from residency.gate.project import load_project
    from residency.gate.stack_set import run_together

    settled = run_together({s: load_project(root, s) for s in ("a", "b")}, {}, 120)
    tags = {
        s: next(r["inputs"]["tags"]["peer"] for r in run.run.resources if r["type"] == "aws:sqs/queue:Queue")
        for s, run in settled.items()
    }
    assert tags == {"a": "b", "b": "a"}
    assert [r.notes for r in results] == [[], []]
    assert len([s for s in steps if s.startswith("running")]) == 3  # a, b, then a again with b's outputs


def test_outputs_that_never_settle_are_a_program_error(tmp_path: Path) -> None:
    counter = (
        'import time\n{peer} = pulumi.StackReference("{peer}")\npulumi.export("tick", time.time_ns())\n'
        'pulumi.export("seen", {peer}.get_output("tick"))'
    )
    root = _two_stack_project(tmp_path, {"a": counter.format(peer="b"), "b": counter.format(peer="a")})
    with pytest.raises(ProgramError, match=r"the outputs of stacks? .*did not settle after 4 rounds"):
        run_previews(PreviewOptions(("a", "b"), root, POLICY_PACK))


def test_stack_outputs_from_a_trusted_export_carry_the_classes_too(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    jakarta = run_preview(PreviewOptions("jakarta", root, POLICY_PACK))
    db = next(r for r in jakarta.resources if r.type == "aws:rds/instance:Instance")
    export = tmp_path / "jakarta.export.json"
    export.write_text(
        json.dumps(
            {
                "version": 3,
                "deployment": {
                    "resources": [
                        {
                            "urn": "urn:pulumi:jakarta::two-stacks::pulumi:pulumi:Stack::two-stacks-jakarta",
                            "type": "pulumi:pulumi:Stack",
                            "outputs": jakarta.outputs,
                        },
                        {
                            "urn": db.urn,
                            "type": db.type,
                            "custom": True,
                            "id": "primary",
                            "inputs": {"tags": {"data-class": "customer-pii"}},
                            "outputs": {
                                "arn": db.arn,
                                "tags": {"data-class": "customer-pii"},
                                "tagsAll": {"data-class": "customer-pii"},
                            },
                        },
                    ]
                },
            }
        )
    )
    result = run_preview(PreviewOptions("singapore", root, POLICY_PACK, stack_outputs={"jakarta": export}))
    assert result.violations == [], [v.message for v in result.violations]
    assert any(f"outputs read from {export}" in n for n in result.notes)


def test_stacks_that_disagree_on_the_org_posture_are_a_mandatory_violation(tmp_path: Path) -> None:
    program = 'pulumi.export("ok", True)'
    root = _two_stack_project(tmp_path, {"a": program, "b": program}, {"a": {"dataResidency": "ID-only"}, "b": ID_SG})
    a, b = run_previews(PreviewOptions(("a", "b"), root, POLICY_PACK))
    for result in (a, b):
        [v] = [v for v in result.mandatory if v.policy == "one-org-posture"]
        assert "Pulumi.a.yaml and Pulumi.b.yaml disagree on residency:org.dataResidency" in v.message
        assert "'ID-only' in a, 'ID-SG' in b" in v.message
    spelled_out = _two_stack_project(
        tmp_path / "same",
        {"a": program, "b": program},
        {"a": {"dataResidency": "ID-only", "opsTelemetry": False}, "b": {}},
    )
    assert all(r.violations == [] for r in run_previews(PreviewOptions(("a", "b"), spelled_out, POLICY_PACK)))


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_previews_all_stacks_and_writes_one_plan_each(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    code, out, _ = _invoke(
        "preview",
        "--all-stacks",
        "-C",
        str(root),
        "--policy-pack",
        str(POLICY_PACK),
        "--format",
        "json",
        "--out",
        str(tmp_path / "plans" / "{stack}.json"),
    )
    assert code == 0
    assert [s["stack"] for s in json.loads(out)["stacks"]] == ["jakarta", "singapore"]
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["jakarta.json", "singapore.json"]
    code, _, err = _invoke(
        "preview", "-s", "jakarta", "-s", "singapore", "-C", str(root), "--out", str(tmp_path / "one.json")
    )
    assert code == 2 and "put {stack} in the path" in err and not (tmp_path / "one.json").exists()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("jakarta", "must be NAME=FILE"),
        ("jakarta=missing.json", "missing.json: file not found"),
    ],
)
def test_bad_stack_outputs_are_one_line_and_exit_2(tmp_path: Path, spec: str, message: str) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    code, _, err = _invoke("preview", "-s", "singapore", "-C", str(root), "--stack-outputs", spec)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_pulumi_yaml_is_found_upward_like_the_cli(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "customer-pii")
    (root / "deep" / "er").mkdir(parents=True)
    result = run_preview(PreviewOptions("jakarta", root / "deep" / "er", POLICY_PACK))
    assert result.project == "two-stacks" and result.exit_code == 0
    code, _, err = _invoke("preview", "-s", "dev", "-C", "/")
    assert code == 2 and "Pulumi.yaml: file not found here or in any parent directory" in err


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (
            ["jakarta={a}", "jakarta={b}"],
            "error: --stack-outputs: jakarta is given twice ({a} and {b}); allowed: one file per stack\n",
        ),
        (
            ["singapore={a}"],
            "error: --stack-outputs: singapore is previewed in this run, which computes its outputs; "
            "allowed: stacks not previewed here\n",
        ),
    ],
)
def test_stack_outputs_name_each_stack_once_and_only_stacks_not_previewed(
    tmp_path: Path, specs: list[str], message: str
) -> None:
    """The second file for a name silently replaced the first; a file for a stack previewed here was never read."""
    root = _project(tmp_path / "p", "customer-pii")
    files = {"a": tmp_path / "a.json", "b": tmp_path / "b.json"}
    for path in files.values():
        path.write_text("{}")
    args = ["preview", "-s", "singapore", "-C", str(root)]
    for spec in specs:
        args += ["--stack-outputs", spec.format(**files)]
    code, _, err = _invoke(*args)
    assert (code, err) == (2, message.format(**files))


@pytest.mark.parametrize(
    ("doc", "kind"),
    [
        (
            {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []},
            "a SARIF report",
        ),
        ({"stacks": [{"stack": "jakarta", "violations": []}]}, "a residency JSON report"),
        ({"project": "p", "stack": "jakarta", "violations": []}, "a residency JSON report"),
        ({"account": "1", "regions": {}, "findings": []}, "a residency audit report"),
    ],
)
def test_a_report_is_not_taken_for_stack_outputs(tmp_path: Path, doc: dict[str, object], kind: str) -> None:
    """Any JSON object read as `pulumi stack output --json`: a report passed by mistake became the outputs."""
    root = _project(tmp_path / "p", "customer-pii")
    report = tmp_path / "report.json"
    report.write_text(json.dumps(doc))
    code, _, err = _invoke("preview", "-s", "singapore", "-C", str(root), "--stack-outputs", f"jakarta={report}")
    assert (code, err) == (
        2,
        f"error: {report}: is {kind}, not stack outputs: use `pulumi stack output --json` or `pulumi stack export`\n",
    )
