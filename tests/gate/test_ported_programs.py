"""Public Pulumi Python programs ported unchanged (tests/programs/<example>/; each Pulumi.dev.yaml names its source).

Only stack config is adapted: Jakarta, and where the original tags nothing, a data class for every store through the
provider's default tags. A compliant program must pass; where the original leaves something the pack cannot know,
the finding must say exactly what and how to fix it.
"""

import json
import re
from pathlib import Path

import pytest

from residency.gate.preview import PreviewOptions, run_preview
from residency.model.findings import Finding
from tests.gate.projects import POLICY_PACK, preview, write_project

PROGRAMS = Path(__file__).parents[1] / "programs"

# program -> (exit code, {policy violated: text each of its messages must contain})
PORTED: dict[str, tuple[int, dict[str, str]]] = {
    # compliant Jakarta programs of every shape: serverless, containers, EKS, ETL, Step Functions, EC2 with
    # remote commands, components, file archives and assets, pulumi.export-heavy, invokes and loops
    **dict.fromkeys(
        [
            "aws-py-apigatewayv2-eventbridge",
            "aws-py-apigatewayv2-http-api-quickcreate",
            "aws-py-appsync",
            "aws-py-ec2-provisioners",
            "aws-py-ecs-instances-autoapi",
            "aws-py-eks",
            "aws-py-fargate",
            "aws-py-redshift-glue-etl",
            "aws-py-secrets-manager",
            "aws-py-serverless-raw",
            "aws-py-slackbot",
            "aws-py-stepfunctions",
            "aws-py-webserver",
            "aws-py-wordpress-fargate-rds",
            "testing-unit-py",
            "helm-kubernetes-python",
        ],
        (0, {}),
    ),
    # a REST API left at AWS's default endpoint type (EDGE) is served through CloudFront edge locations worldwide
    "aws-py-apigateway-lambda-serverless": (
        1,
        {"restrict-data-class-region": "serves from edge locations worldwide"},
    ),
    # a log group kept forever where the org's retention is 365 days: a real finding, with both numbers
    "aws-py-resources": (1, {"configure-retention": "keeps logs forever; retentionDays says 365"}),
    # a component with a volume claim on the cluster's default StorageClass: its region cannot be verified
    "kubernetes-py-jenkins": (
        1,
        {
            "enforce-volume-region-topology": "uses StorageClass the cluster default, which this stack does not declare",
            "require-data-class-tag": "no 'quantumelixir.tech/data-class' label",
            "restrict-data-class-region": "not pinned",
        },
    ),
    # its bucket is made through an explicit provider, which stack config aws:defaultTags does not reach: refused,
    # saying so, not as if the config were ignored
    "aws-py-assume-role": (
        1,
        {
            "require-data-class-tag": "aws:defaultTags tags only what the default provider creates: set default_tags on "
            "provider privileged"
        },
    ),
    # unlabelled, unpinned workloads inside a component: refused for that, not for their cluster
    "kubernetes-py-guestbook-components": (
        1,
        {
            "require-data-class-tag": "no 'quantumelixir.tech/data-class' label",
            "restrict-data-class-region": "not pinned",
        },
    ),
    # CloudFront in front of the website endpoint of a bucket named after the domain (dots in the bucket name)
    "aws-py-static-website": (0, {}),
    # a Helm release whose chart comes from a public chart repository: software in, nothing out
    "kubernetes-py-helm-release-wordpress": (0, {}),
    # the default Kubernetes provider, pointed at a Jakarta EKS cluster by kubernetes:context in the stack config;
    # the original labels no data class and pins no pods: both stay violations, each saying what to add
    "kubernetes-py-nginx": (
        1,
        {
            "require-data-class-tag": "no 'quantumelixir.tech/data-class' label",
            "restrict-data-class-region": "not pinned",
        },
    ),
}


@pytest.mark.parametrize("name", sorted(PORTED))
def test_ported_program_previews(name: str) -> None:
    code, says = PORTED[name]
    result = run_preview(PreviewOptions("dev", PROGRAMS / name, POLICY_PACK))
    messages = [v.message for v in result.violations]
    assert (result.exit_code, {v.policy for v in result.violations}) == (code, set(says)), messages
    for v in result.violations:
        assert says[v.policy] in v.message, v.message


def _name(v: Finding) -> str:
    assert v.urn is not None, v  # a finding on a resource
    return v.urn.rsplit("::", 1)[-1]


def test_a_remote_component_is_judged_with_the_provider_that_constructs_it(tmp_path: Path) -> None:
    # helm v4 Chart, yaml/v2: multi-language components get their provider from the engine like custom resources
    program = """
    for region in ("ap-southeast-3", "ap-southeast-1"):
        import pulumi_kubernetes as k8s
        k8s.helm.v4.Chart(f"pg-{region}", chart="oci://registry-1.docker.io/bitnamicharts/postgresql",
                          opts=pulumi.ResourceOptions(provider=cluster(f"k8s-{region}", region)))
    """
    result = preview(write_project(tmp_path, program))
    assert [(_name(v), v.policy) for v in result.violations] == [("pg-ap-southeast-1", "restrict-data-class-region")]
    assert "may not live in ap-southeast-1" in result.violations[0].message


def test_stack_references_to_other_projects_are_answered_as_their_note_says(tmp_path: Path) -> None:
    # aws-py-stackreference: team reads company's and department's outputs, stacks of two other projects
    root = PROGRAMS / "aws-py-stackreference"
    alone = run_preview(PreviewOptions("dev", root / "team", POLICY_PACK))
    advice = re.findall(r"--stack-outputs (\S+)=FILE", " ".join(alone.notes))
    assert advice == ["acme/aws-py-stackreference-company/dev", "acme/aws-py-stackreference-department/dev"]
    files = {}
    for name, project in zip(advice, ("company", "department"), strict=True):
        outputs = run_preview(PreviewOptions("dev", root / project, POLICY_PACK)).outputs
        files[name] = tmp_path / f"{project}.json"
        files[name].write_text(json.dumps(outputs))
    result = run_preview(PreviewOptions("dev", root / "team", POLICY_PACK, stack_outputs=files))
    assert result.exit_code == 0 and not any("unknown" in n for n in result.notes), result.notes
    assert result.outputs["instance_tags"]["company"] == "acme"
