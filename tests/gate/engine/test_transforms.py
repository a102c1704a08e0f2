"""Transforms run in the gate as the engine runs them: own, then ancestors', then stack; invoke transforms too."""

from pathlib import Path

import pytest

from residency.gate.engine.launcher import ProgramError
from residency.report import Report
from tests.gate.projects import preview, write_project

MOVE_ALL = """
def to_singapore(args):
    if args.type_.startswith("aws:") and not args.type_.startswith("pulumi:"):
        return pulumi.ResourceTransformResult(
            props=args.props, opts=pulumi.ResourceOptions.merge(args.opts, pulumi.ResourceOptions(provider=SIN)))
    return None

pulumi.runtime.register_resource_transform(to_singapore)
trail()
bucket("pii", "customer-pii")
"""

PIN_JAKARTA = """
def to_jakarta(args):
    if args.type_.startswith("aws:"):
        return pulumi.ResourceTransformResult(
            props=args.props, opts=pulumi.ResourceOptions.merge(args.opts, pulumi.ResourceOptions(provider=JKT)))
    return None

pulumi.runtime.register_resource_transform(to_jakarta)
trail()
bucket("pii", "customer-pii", SIN)
"""


def _regions(result: Report, type_: str = "aws:s3/bucket:Bucket") -> set[str | None]:
    return {r.region for r in result.resources if r.type == type_}


def test_a_stack_transform_that_moves_data_to_singapore_is_judged_after_the_move(tmp_path: Path) -> None:
    result = preview(write_project(tmp_path, MOVE_ALL))
    assert _regions(result) == {"ap-southeast-1"}
    assert result.exit_code == 1
    assert any(
        v.policy == "restrict-data-class-region" and v.urn and v.urn.endswith("::pii") for v in result.violations
    )


def test_a_stack_transform_that_pins_jakarta_is_not_flagged(tmp_path: Path) -> None:
    result = preview(write_project(tmp_path, PIN_JAKARTA))
    assert _regions(result) == {"ap-southeast-3"}
    assert result.mandatory == []


def test_a_stack_transform_only_applies_to_resources_registered_after_it(tmp_path: Path) -> None:
    program = """
trail()
early, _ = bucket("early", "customer-pii")
pulumi.runtime.register_resource_transform(
    lambda a: pulumi.ResourceTransformResult(props={**a.props, "tags": {**(a.props.get("tags") or {}),
                                                                        "data-class": "analytics"}}, opts=a.opts)
    if a.type_ == "aws:s3/bucket:Bucket" else None)
late, _ = bucket("late", "customer-pii")
"""
    result = preview(write_project(tmp_path, program))
    classes = {r.name: r.data_class for r in result.resources if r.type == "aws:s3/bucket:Bucket"}
    assert classes == {"early": "customer-pii", "late": "analytics"}


def test_a_component_transform_reaches_every_descendant_and_nothing_else(tmp_path: Path) -> None:
    program = """
class Vault(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("acme:index:Vault", name, None, opts)
        inner = Inner(f"{name}-inner", pulumi.ResourceOptions(parent=self))
        self.register_outputs({})

class Inner(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("acme:index:Inner", name, None, opts)
        aws.s3.Bucket(f"{name}-store", tags={"data-class": "customer-pii"},
                      opts=pulumi.ResourceOptions(parent=self, provider=JKT))
        self.register_outputs({})

def move(args):
    if args.type_ == "aws:s3/bucket:Bucket":
        return pulumi.ResourceTransformResult(props={**args.props, "region": "ap-southeast-1"}, opts=args.opts)
    return None

trail()
Vault("moved", pulumi.ResourceOptions(transforms=[move]))
Vault("kept")
"""
    result = preview(write_project(tmp_path, program))
    regions = {r.name: r.region for r in result.resources if r.type == "aws:s3/bucket:Bucket"}
    assert regions == {"moved-inner-store": "ap-southeast-1", "kept-inner-store": "ap-southeast-3"}
    assert {v.urn.rsplit("::", 1)[-1] for v in result.mandatory if v.urn} >= {"moved-inner-store"}


def test_transforms_run_own_then_parent_then_stack(tmp_path: Path) -> None:
    program = """
def stamp(label):
    def transform(args):
        if args.type_ != "aws:sqs/queue:Queue":
            return None
        tags = dict(args.props["tags"])
        return pulumi.ResourceTransformResult(props={**args.props, "tags": {**tags, "order": tags["order"] + label}},
                                              opts=args.opts)
    return transform

class Box(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("acme:index:Box", name, None, opts)
        aws.sqs.Queue("order", tags={"data-class": "ops-telemetry", "order": ""},
                          opts=pulumi.ResourceOptions(parent=self, provider=JKT, transforms=[stamp("own,")]))
        self.register_outputs({})

pulumi.runtime.register_resource_transform(stamp("stack"))
Box("box", pulumi.ResourceOptions(transforms=[stamp("parent,")]))
"""
    write_project(tmp_path, program)
    from residency.gate.engine.launcher import run_program
    from residency.gate.project import load_project

    records = run_program(load_project(tmp_path, "dev"), 120).resources
    value = next(r["inputs"]["tags"]["order"] for r in records if r["type"] == "aws:sqs/queue:Queue")
    assert value == "own,parent,stack"


def test_an_invoke_transform_changes_what_the_program_reads(tmp_path: Path) -> None:
    program = """
def elsewhere(args):
    if args.token == "aws:index/getRegion:getRegion":
        return pulumi.InvokeTransformResult(args={**args.args, "region": "us-east-1"}, opts=args.opts)
    return None

pulumi.runtime.register_invoke_transform(elsewhere)
trail()
here = aws.get_region().name
aws.s3.Bucket("pii", region=here, tags={"data-class": "customer-pii"}, opts=opts(JKT))
pulumi.export("region", here)
"""
    result = preview(write_project(tmp_path, program))
    assert result.outputs["region"] == "us-east-1"
    assert _regions(result) == {"us-east-1"}
    assert result.exit_code == 1


def test_legacy_transformations_keep_working(tmp_path: Path) -> None:
    program = """
def move(args):
    if args.type_ == "aws:s3/bucket:Bucket":
        return pulumi.ResourceTransformationResult(props={**args.props, "region": "ap-southeast-1"}, opts=args.opts)
    return None

pulumi.runtime.register_stack_transformation(move)
trail()
bucket("pii", "customer-pii")
"""
    result = preview(write_project(tmp_path, program))
    assert _regions(result) == {"ap-southeast-1"} and result.exit_code == 1


def test_a_transform_that_raises_is_one_program_error(tmp_path: Path) -> None:
    program = """
def broken(args):
    raise ValueError("no such tag scheme")

pulumi.runtime.register_resource_transform(broken)
aws.s3.Bucket("pii", tags={"data-class": "customer-pii"}, opts=opts(JKT))
"""
    with pytest.raises(ProgramError) as err:
        preview(write_project(tmp_path, program))
    assert "no such tag scheme" in str(err.value) and "\n" not in str(err.value)
