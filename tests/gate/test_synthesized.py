"""Every store and processor type, untagged, in Singapore is flagged; every control type anywhere stays clean."""

from collections.abc import Callable
from pathlib import Path

import pytest

from residency.model.catalogue import Role, entry_for
from residency.model.findings import Finding
from residency.report import Report
from tests.gate.projects import preview, write_project
from tests.gate.synthesized import program, tokens

DATA_ROLES = frozenset({Role.STORE, Role.PROCESSOR})
Run = Callable[[frozenset[Role], str], Report]


@pytest.fixture(scope="module")
def synthesize(tmp_path_factory: pytest.TempPathFactory) -> Run:
    def run(roles: frozenset[Role], provider: str) -> Report:
        root = write_project(tmp_path_factory.mktemp("synth"), program(roles, provider))
        return preview(root, timeout=300)

    return run


def _urn(v: Finding) -> str:
    assert v.urn is not None, v  # every finding these programs raise is on a resource
    return v.urn


def _registered(result: Report) -> list[str]:
    return [r.urn for r in result.resources if r.type.startswith("aws:") and r.name.startswith("r")]


def test_every_untagged_store_and_processor_in_singapore_is_flagged(synthesize: Run) -> None:
    result = synthesize(DATA_ROLES, "SIN")
    assert result.outputs["skipped"] == []
    registered = _registered(result)
    assert len(registered) == len(tokens(DATA_ROLES)) > 300
    placed = {v.urn for v in result.violations if v.policy == "restrict-data-class-region"}
    assert [u for u in registered if u not in placed] == []
    assert all(
        "judged as the most restricted class" in v.message
        for v in result.violations
        if v.policy == "restrict-data-class-region"
    )


# Types whose placement the synthesized inputs leave undeterminable even under a Jakarta provider (fail closed)
UNPLACEABLE_AS_WRITTEN = {
    "aws:apigateway/domainName:DomainName": "no endpointConfiguration: EDGE, served worldwide",
    "aws:apigateway/restApi:RestApi": "no endpointConfiguration: EDGE, served worldwide",
    "aws:cloudformation/stack:Stack": "its template is not in the program",
    "aws:s3control/bucket:Bucket": "on an Outpost, wherever the rack is",
    "aws:sagemaker/project:Project": "a Service Catalog product's template",
    "aws:serverlessrepository/cloudFormationStack:CloudFormationStack": "a repository application's template",
    "aws:servicecatalog/provisionedProduct:ProvisionedProduct": "a catalogue product's template",
    "aws:storagegateway/gateway:Gateway": "an appliance VM outside the stack",
}


def test_untagged_stores_and_processors_in_jakarta_are_asked_only_for_their_tag(synthesize: Run) -> None:
    result = synthesize(DATA_ROLES, "JKT")
    placed = {_urn(v).split("::")[-2] for v in result.violations if v.policy == "restrict-data-class-region"}
    assert placed == set(UNPLACEABLE_AS_WRITTEN)
    copies = [_urn(v).split("::")[-2] for v in result.violations if v.policy == "restrict-cross-region-replication"]
    assert copies == ["aws:dynamodb/tableReplica:TableReplica"]  # its required source "x" names nothing: fail closed
    tagged = {
        _urn(v).rsplit("::", 1)[0].rsplit("::", 1)[-1]
        for v in result.violations
        if v.policy == "require-data-class-tag"
    }
    assert tagged == {t for t in tokens(DATA_ROLES) if entry_for(t).needs_tag}


def test_every_control_type_in_singapore_stays_clean(synthesize: Run) -> None:
    result = synthesize(frozenset({Role.CONTROL}), "SIN")
    assert result.outputs["skipped"] == []
    assert len(_registered(result)) == len(tokens(frozenset({Role.CONTROL}))) > 1000
    assert [(v.policy, v.message) for v in result.violations] == []


def test_the_program_is_written_where_asked(tmp_path: Path) -> None:
    assert "PROVIDER = IAD" in program(frozenset({Role.GLOBAL}), "IAD")
