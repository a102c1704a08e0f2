"""Parameters and secrets injected into a container's environment are judged under the variable's name."""

import json
from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import ResourceInput
from tests.rules.fixtures import STACK_CONFIG, res, tags

TASK = "aws:ecs/taskDefinition:TaskDefinition"
PARAM = res("aws:ssm/parameter:Parameter", "p", {"name": "/kyc/export", "value": "partner-kyc", "tags": tags()})


def task(secrets: list[dict[str, Any]], deps: tuple[str, ...] = ()) -> ResourceInput:
    definitions = json.dumps([{"name": "a", "image": "x", "secrets": secrets}])
    return res(TASK, "t", {"containerDefinitions": definitions, "tags": tags()}, deps={"containerDefinitions": deps})


def problems(*resources: ResourceInput) -> set[str]:
    return {r.problem or "" for r in build_facts(list(resources), STACK_CONFIG, {})[-1].references if r.problem}


@pytest.mark.parametrize(
    "subject",
    [
        task([{"name": "EXPORT_BUCKET", "valueFrom": "/kyc/export"}]),
        task([{"name": "EXPORT_BUCKET", "valueFrom": "unknown-until-deploy:arn"}], (PARAM.urn,)),
    ],
    ids=["by name", "by dependency"],
)
def test_a_parameter_of_the_stack_is_read_as_the_variable(subject: ResourceInput) -> None:
    assert any("'partner-kyc'" in p for p in problems(PARAM, subject))


def test_a_place_injected_from_outside_the_stack_fails_closed() -> None:
    arn = "arn:aws:ssm:ap-southeast-3:1:parameter/other"
    (problem,) = problems(task([{"name": "DB_HOST", "valueFrom": arn}]))
    assert "whose value the pack cannot read" in problem


def test_a_password_from_outside_the_stack_is_no_reference() -> None:
    arn = "arn:aws:secretsmanager:ap-southeast-3:1:secret:db"
    assert problems(task([{"name": "DB_PASSWORD", "valueFrom": arn}])) == set()


def test_a_codebuild_parameter_store_variable_is_injected() -> None:
    variables = [{"name": "EXPORT_BUCKET", "value": "/kyc/export", "type": "PARAMETER_STORE"}]
    project = res("aws:codebuild/project:Project", "cb", {"environment": {"environmentVariables": variables}})
    assert any("'partner-kyc'" in p for p in problems(PARAM, project))


def _env_task(arn: str) -> ResourceInput:
    definitions = json.dumps([{"name": "a", "image": "x", "environmentFiles": [{"type": "s3", "value": arn}]}])
    return res(TASK, "t", {"containerDefinitions": definitions, "tags": tags()})


def test_an_environment_file_of_the_stack_is_read_line_by_line() -> None:
    obj = res(
        "aws:s3/bucketObjectv2:BucketObjectv2",
        "o",
        {"bucket": "cfg-1", "key": "app.env", "content": "LOG_LEVEL=info\nEXPORT_BUCKET=partner-kyc\n"},
    )
    assert any("'partner-kyc'" in p for p in problems(obj, _env_task("arn:aws:s3:::cfg-1/app.env")))


def test_an_environment_file_the_pack_cannot_read_fails_closed() -> None:
    assert any("cannot be judged" in p for p in problems(_env_task("arn:aws:s3:::elsewhere/app.env")))


def test_a_kubernetes_value_from_is_no_injected_parameter() -> None:
    """A Kubernetes `valueFrom` is an object (configMapKeyRef, secretKeyRef, fieldRef): the ConfigMap or Secret it
    names is judged with the workload's settings, not as a parameter the pack cannot read."""
    config = res(
        "kubernetes:core/v1:ConfigMap", "cm", {"metadata": {"name": "db"}, "data": {"host": "db.kyc.svc.cluster.local"}}
    )
    env = [{"name": "DB_HOST", "valueFrom": {"configMapKeyRef": {"name": "db", "key": "host"}}}]
    spec = {"template": {"spec": {"containers": [{"name": "a", "image": "x", "env": env}]}}}
    deployment = res("kubernetes:apps/v1:Deployment", "d", {"spec": spec})
    assert problems(config, deployment) == set()
