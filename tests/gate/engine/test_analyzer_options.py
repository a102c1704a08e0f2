"""A pack receives the resource options and source the engine would send (read back by a probe pack)."""

import json
import textwrap
from pathlib import Path

from residency.gate.preview import PreviewOptions, run_preview
from tests.gate.projects import write_project

PROBE_PACK = """
import json
from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy


def report(args, report_violation):
    if args.resource_type != "aws:s3/bucket:Bucket":
        return
    o = args.opts
    t = o.custom_timeouts
    report_violation(json.dumps({
        "protect": o.protect, "ignoreChanges": list(o.ignore_changes), "deleteBeforeReplace": o.delete_before_replace,
        "additionalSecretOutputs": list(o.additional_secret_outputs), "aliases": list(o.aliases), "parent": o.parent,
        "timeouts": [t.create_seconds, t.update_seconds, t.delete_seconds],
        "provider": args.provider.urn if args.provider else None,
        "providerRegion": args.provider.props.get("region") if args.provider else None,
    }))


PolicyPack("probe", enforcement_level=EnforcementLevel.ADVISORY,
           policies=[ResourceValidationPolicy(name="probe", description="echo options", validate=report)])
"""

PROGRAM = """
class Box(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("acme:index:Box", name, None, opts)
        aws.s3.Bucket("store", tags={"data-class": "analytics"}, opts=pulumi.ResourceOptions(
            parent=self, provider=SIN, protect=True, ignore_changes=["tags"], delete_before_replace=True,
            additional_secret_outputs=["arn"], aliases=[pulumi.Alias(name="old-store")],
            custom_timeouts=pulumi.CustomTimeouts(create="5m", update="1h", delete="90s")))
        self.register_outputs({})

Box("box")
"""


def test_the_pack_receives_the_engines_resource_options(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "PulumiPolicy.yaml").write_text("runtime: python\n")
    (pack / "__main__.py").write_text(textwrap.dedent(PROBE_PACK))
    root = write_project(tmp_path / "project", PROGRAM)
    result = run_preview(PreviewOptions("dev", root, pack))
    [violation] = [v for v in result.violations if v.policy == "probe"]
    seen = json.loads(violation.message)
    assert seen["protect"] is True and seen["ignoreChanges"] == ["tags"] and seen["deleteBeforeReplace"] is True
    assert seen["additionalSecretOutputs"] == ["arn"]
    assert "urn:pulumi:dev::sample::acme:index:Box$aws:s3/bucket:Bucket::old-store" in seen["aliases"]
    assert seen["parent"] == "urn:pulumi:dev::sample::acme:index:Box::box"
    assert seen["timeouts"] == [300, 3600, 90]
    assert seen["provider"] == "urn:pulumi:dev::sample::pulumi:providers:aws::sin"
    assert seen["providerRegion"] == "ap-southeast-1"


def test_every_resource_records_the_line_that_registered_it(tmp_path: Path) -> None:
    root = write_project(tmp_path, PROGRAM)
    result = run_preview(PreviewOptions("dev", root, Path(__file__).parents[3] / "policy"))
    line = next(
        i
        for i, text in enumerate((root / "__main__.py").read_text().splitlines(), 1)
        if 'aws.s3.Bucket("store"' in text
    )
    [store] = [r for r in result.resources if r.name == "store"]
    assert store.source == f"__main__.py:{line}"
    assert (
        result.to_plan()["resources"][[r.name for r in result.resources].index("store")]["source"]
        == f"__main__.py:{line}"
    )
