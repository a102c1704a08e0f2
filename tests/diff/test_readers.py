"""Every input format, read from the real captures (pulumi-aws v6) and from files made here."""

import json
from pathlib import Path

import pytest

from residency.diff.readers import UnreadableInputError, kind_of, read_pair, read_side
from residency.facts.values import UNKNOWN

FORMATS = Path(__file__).parents[1] / "fixtures" / "pulumi-formats"
EXPORT = FORMATS / "stratify__sample-export.json"


def test_stack_export_reads_region_from_recorded_outputs() -> None:
    snap = read_side(EXPORT, "after")
    assert snap.kind == "stack export"
    bucket = snap.rows["urn:pulumi:dev::sample::aws:s3/bucket:Bucket::docs"]
    assert (bucket["region"], bucket["regionSource"]) == ("eu-west-1", "recorded region output")
    fn = next(r for r in snap.rows.values() if r["type"] == "aws:lambda/function:Function")
    assert (fn["region"], fn["regionSource"]) == ("eu-west-1", "recorded ARN")
    assert any(v.policy == "require-data-class-tag" for v in snap.violations)


def test_empty_stack_export() -> None:
    snap = read_side(FORMATS / "pranavk1511-csye6225__stack-export-empty.json", "before")
    assert snap.rows == {} and snap.violations == []


def test_checkpoint_is_read_like_an_export(tmp_path: Path) -> None:
    deployment = json.loads(EXPORT.read_text())["deployment"]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps({"version": 3, "checkpoint": {"stack": "dev", "latest": deployment}}))
    snap = read_side(path, "after")
    assert snap.kind == "checkpoint" and set(snap.rows) == set(read_side(EXPORT, "after").rows)


@pytest.mark.parametrize(
    "name",
    [
        "stratify__sample-preview-creates.json",
        "stratify__sample-preview-update.json",
        "stratify__sample-preview-deletes.json",
    ],
)
def test_preview_json_holds_both_sides(name: str) -> None:
    before, after = read_pair(None, FORMATS / name)
    doc = json.loads((FORMATS / name).read_text())
    creates = {s["urn"] for s in doc["steps"] if s["op"] == "create"}
    deletes = {s["urn"] for s in doc["steps"] if s["op"] == "delete"}
    assert creates <= set(after.rows) and not creates & set(before.rows)
    assert deletes <= set(before.rows) and not deletes & set(after.rows)


def test_secrets_stay_secret_and_unknowns_stay_unknown(tmp_path: Path) -> None:
    steps = [
        {
            "op": "create",
            "urn": "urn:pulumi:dev::p::aws:rds/instance:Instance::db",
            "provider": "urn:pulumi:dev::p::pulumi:providers:aws::default_7_0_0::" + UNKNOWN,
            "newState": {
                "type": "aws:rds/instance:Instance",
                "custom": True,
                "inputs": {
                    "password": "[secret]",
                    "kmsKeyId": UNKNOWN,
                    "region": "ap-southeast-3",
                    "storageEncrypted": True,
                    "deletionProtection": True,
                    "tags": {"data-class": "customer-pii"},
                },
            },
        }
    ]
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"config": {"aws:region": "ap-southeast-3"}, "steps": steps}))
    _, after = read_pair(None, path)
    row = after.rows["urn:pulumi:dev::p::aws:rds/instance:Instance::db"]
    assert row["protections"]["encryptionKey"] == "unknown"
    assert any("its KMS key (unknown during preview)" in v.message for v in after.violations)


def test_ciphertext_secret_is_shown_as_secret(tmp_path: Path) -> None:
    deployment = {
        "resources": [
            {
                "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::q",
                "type": "aws:sqs/queue:Queue",
                "custom": True,
                "inputs": {
                    "kmsMasterKeyId": {
                        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                        "ciphertext": "v1:abc",
                    },
                    "tags": {"data-class": "webhook-outbox"},
                },
                "outputs": {"arn": "arn:aws:sqs:ap-southeast-3:1:q"},
            }
        ]
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"version": 3, "deployment": deployment}))
    row = read_side(path, "after").rows["urn:pulumi:dev::p::aws:sqs/queue:Queue::q"]
    assert row["protections"]["encryptionKey"] == "[secret]" and "v1:abc" not in json.dumps(row)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"hello": 1}', "is not a residency plan, `pulumi stack export`, checkpoint or `pulumi preview --json`"),
        ('{"version": 3, "deployment": 7}', "stack export has no deployment object"),
    ],
)
def test_unreadable_input_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(UnreadableInputError) as err:
        read_side(path, "after")
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_before_may_be_omitted_only_for_preview_json() -> None:
    with pytest.raises(UnreadableInputError, match="BEFORE may be omitted only for"):
        read_pair(None, EXPORT)


def test_kind_detection() -> None:
    docs: list[object] = [{"kind": "residency-plan"}, {"deployment": {}}, {"checkpoint": {}}, {"steps": []}, []]
    assert [kind_of(x) for x in docs] == ["plan", "stack export", "checkpoint", "preview", "unknown"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"version": 99}, "is a residency plan of version 99; supported versions: 1"),
        ({"version": None}, "is a residency plan of version None; supported versions: 1"),
        ({"resources": None, "drop": "resources"}, "is a plan without resources"),
        ({"row": ("dataClass", {"a": 1})}, "resources[0].dataClass is dict; allowed: a data class or null"),
        ({"row": ("region", ["ap-southeast-3"])}, "resources[0].region is list; allowed: a region name or null"),
        ({"row": ("protections", [])}, "resources[0].protections is list; allowed: an object"),
    ],
)
def test_a_damaged_plan_is_refused_naming_the_field(tmp_path: Path, change: dict[str, object], problem: str) -> None:
    plan: dict[str, object] = {
        "kind": "residency-plan",
        "version": 1,
        "resources": [{"urn": "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Bucket"}],
        "violations": [],
    }
    if "row" in change:
        row, resources = change["row"], plan["resources"]
        assert isinstance(row, tuple) and isinstance(resources, list)
        key, value = row
        resources[0][key] = value
    elif "drop" in change:
        del plan["resources"]
    else:
        plan.update(change)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    with pytest.raises(UnreadableInputError) as caught:
        read_side(path, "after")
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ({"op": "explode", "urn": "u"}, "steps[0].op is 'explode'; allowed: create, create-replacement"),
        ({"op": "create", "urn": "u", "newState": "x"}, "steps[0].newState is str; allowed: an object"),
        ({"op": "delete", "urn": "u", "oldState": []}, "steps[0].oldState is list; allowed: an object"),
    ],
)
def test_a_damaged_preview_step_is_refused_naming_the_field(
    tmp_path: Path, step: dict[str, object], problem: str
) -> None:
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"steps": [step]}))
    with pytest.raises(UnreadableInputError) as caught:
        read_side(path, "after")
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("inputs", [], "deployment.resources[0].inputs is list; allowed: an object"),
        ("outputs", "x", "deployment.resources[0].outputs is str; allowed: an object"),
        ("type", None, "deployment.resources[0].type is NoneType; allowed: a type token"),
        ("provider", 7, "deployment.resources[0].provider is int; allowed: a provider reference"),
        ("urn", None, "deployment.resources[0] is not a resource state with a urn"),
    ],
)
def test_a_damaged_export_is_refused_naming_the_field(tmp_path: Path, field: str, value: object, problem: str) -> None:
    state: dict[str, object] = {"urn": "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Bucket"}
    state[field] = value
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"version": 3, "deployment": {"resources": [state]}}))
    with pytest.raises(UnreadableInputError) as caught:
        read_side(path, "after")
    assert f"is a stack export whose {problem}" in str(caught.value)
