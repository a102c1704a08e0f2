"""Programs in the style of public examples (tests/programs/): each previews, with its count and verdict."""

from pathlib import Path

import pytest

from residency.gate.engine.launcher import ProgramError
from residency.gate.preview import PreviewOptions, run_preview
from tests.gate.projects import POLICY_PACK

PROGRAMS = Path(__file__).parents[1] / "programs"

# program -> (exit code, resources, policies violated, a note that must be present)
EXPECTED: dict[str, tuple[int, int, set[str], str | None]] = {
    "apigw-lambda": (0, 9, set(), None),
    "fargate": (0, 10, set(), None),
    "eks-vpc": (0, 10, set(), None),
    "static-website": (1, 6, {"require-data-class-tag", "restrict-data-class-region"}, None),
    "s3-folder": (0, 5, set(), None),
    "secrets": (1, 4, {"require-data-class-tag"}, None),
    "step-functions": (0, 6, set(), None),
    "rds-random": (1, 4, {"require-data-class-tag"}, None),
    "subfolder-project": (1, 4, {"enforce-kms-same-region", "disallow-public-access"}, None),
    "stack-reference": (0, 3, set(), "StackReference acme/network/prod: the outputs of stack 'prod' are unknown"),
    "other-providers": (0, 5, set(), None),
    "registry-dns": (0, 3, set(), None),
    "resource-references": (0, 7, set(), None),
    "ec2-webserver": (
        1,
        4,
        {"require-data-class-tag"},
        "invoke aws:ec2/getInstanceType:getInstanceType is not known to the offline gate",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_program_previews(name: str) -> None:
    code, count, policies, note = EXPECTED[name]
    result = run_preview(PreviewOptions("dev", PROGRAMS / name, POLICY_PACK))
    assert (result.exit_code, len(result.resources)) == (code, count), [r.type for r in result.resources]
    assert {v.policy for v in result.violations} == policies
    if note:
        assert any(note in n for n in result.notes), result.notes


def test_untagged_data_stores_are_flagged_by_name() -> None:
    flagged = {}
    for name in ("static-website", "secrets", "rds-random", "ec2-webserver"):
        result = run_preview(PreviewOptions("dev", PROGRAMS / name, POLICY_PACK))
        flagged[name] = sorted(v.urn.rsplit("::", 1)[-1] for v in result.violations if v.urn)
    assert flagged == {
        "static-website": ["cdn", "site"],
        "secrets": ["app-secret"],
        "rds-random": ["db"],
        "ec2-webserver": ["data"],
    }


def test_data_sources_answer_for_the_region_of_the_call() -> None:
    result = run_preview(PreviewOptions("dev", PROGRAMS / "eks-vpc", POLICY_PACK))
    assert result.outputs["zones"] == ["ap-southeast-3a", "ap-southeast-3b", "ap-southeast-3c"]
    assert result.outputs["endpoint"].endswith(".ap-southeast-3.eks.amazonaws.com")
    lambda_program = run_preview(PreviewOptions("dev", PROGRAMS / "apigw-lambda", POLICY_PACK))
    assert lambda_program.outputs["policy"] == "lambda.amazonaws.com"
    assert (
        lambda_program.outputs["url"].startswith("https://")
        and ".execute-api.ap-southeast-3." in lambda_program.outputs["url"]
    )


def test_assets_resolve_relative_to_the_program() -> None:
    result = run_preview(PreviewOptions("dev", PROGRAMS / "s3-folder", POLICY_PACK))
    assert sorted(r.name for r in result.resources if r.type == "aws:s3/bucketObject:BucketObject") == [
        "bundle",
        "css/main.css",
        "index.html",
    ]


def test_secure_config_stays_secret_and_project_defaults_apply() -> None:
    result = run_preview(PreviewOptions("dev", PROGRAMS / "subfolder-project", POLICY_PACK))
    assert sorted(r.name for r in result.resources if r.type == "aws:s3/bucket:Bucket") == ["kyc-0", "kyc-1", "kyc-2"]
    password = result.outputs["password"]
    assert isinstance(password, dict) and password.get("value") == "[secret]"


def test_missing_required_config_names_the_key_and_how_to_set_it() -> None:
    with pytest.raises(ProgramError) as err:
        run_preview(PreviewOptions("dev", PROGRAMS / "missing-config", POLICY_PACK))
    assert str(err.value) == (
        "program: missing required configuration value 'missing-config:dbName': set it with "
        "pulumi config set dbName VALUE --stack dev"
    )


def test_data_sources_of_existing_infrastructure() -> None:
    out = run_preview(PreviewOptions("dev", PROGRAMS / "registry-dns", POLICY_PACK)).outputs
    assert out["partition"] == "aws"
    assert out["registry"] == "https://123456789012.dkr.ecr.ap-southeast-3.amazonaws.com"
    assert out["keyArn"].startswith("arn:aws:kms:ap-southeast-3:123456789012:key/")
    # a bucket found by name lives wherever it was made: only the real run can read its region
    assert out["logsRegion"] == "unknown-until-deploy:getBucket.region" and out["subnetZone"] == "ap-southeast-3b"
    assert out["amis"] == 1 and out["zoneArn"].startswith("arn:aws:route53:::hostedzone/Z")


def test_resource_references_reach_the_pack_as_the_engine_marshals_them() -> None:
    from residency.facts.values import reveal
    from residency.gate.engine.launcher import run_program
    from residency.gate.project import load_project

    records = run_program(load_project(PROGRAMS / "resource-references", "dev"), 120).resources
    by_type = {r["type"]: r for r in records}
    function, group = by_type["aws:lambda/function:Function"], by_type["acme:index:Group"]
    assert by_type["aws:lambda/permission:Permission"]["inputs"]["function"] == function["id"]  # custom: its ID
    assert (
        by_type["aws:iam/rolePolicyAttachment:RolePolicyAttachment"]["inputs"]["role"]
        == by_type["aws:iam/role:Role"]["id"]
    )
    assert reveal(by_type["aws:ssm/parameter:Parameter"]["inputs"]["value"]) == group["urn"]  # component: its URN


def test_the_same_input_gives_byte_identical_text_json_and_plan(tmp_path: Path) -> None:
    from residency.gate.preview import write_plan
    from residency.reporters import REPORTERS

    rendered = []
    for attempt in range(2):
        result = run_preview(PreviewOptions("dev", PROGRAMS / "apigw-lambda", POLICY_PACK))
        write_plan(result, tmp_path / f"plan{attempt}.json")
        rendered.append([REPORTERS[f](result) for f in ("text", "json", "sarif")])
    assert rendered[0] == rendered[1]
    assert (tmp_path / "plan0.json").read_bytes() == (tmp_path / "plan1.json").read_bytes()
