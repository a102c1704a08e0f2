"""Only the gate sees both stacks: it reports a replica whose declared class differs from its source's."""

from pathlib import Path

import yaml

from residency.gate.preview import PreviewOptions, run_previews
from tests.gate.projects import ID_SG, POLICY_PACK, PRELUDE

SOURCE = (
    PRELUDE
    + """
db, _ = database("primary", "customer-pii")
pulumi.export("dbArn", db.arn)
"""
)
REPLICA = (
    PRELUDE
    + """
source = pulumi.StackReference("organization/two-stacks/jakarta").get_output("dbArn")
database("replica", "{label}", SIN, replicate_source_db=source)
"""
)


def _project(root: Path, label: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "Pulumi.yaml").write_text(yaml.safe_dump({"name": "two-stacks", "runtime": "python"}))
    for stack, region in (("jakarta", "ap-southeast-3"), ("singapore", "ap-southeast-1")):
        (root / f"Pulumi.{stack}.yaml").write_text(
            yaml.safe_dump({"config": {"aws:region": region, "residency:org": ID_SG, "program": stack}})
        )
    (root / "__main__.py").write_text(
        "import pulumi\nif pulumi.Config().require('program') == 'jakarta':\n"
        + "\n".join("    " + line for line in SOURCE.splitlines())
        + "\nelse:\n"
        + "\n".join("    " + line for line in REPLICA.replace("{label}", label).splitlines())
        + "\n"
    )
    return root


def test_relabelled_replica_is_reported(tmp_path: Path) -> None:
    root = _project(tmp_path, "analytics")
    jakarta, replica = run_previews(PreviewOptions(("jakarta", "singapore"), root, POLICY_PACK))
    assert jakarta.violations == []
    relabel = [v for v in replica.violations if "relabelled replica" in v.message]
    assert len(relabel) == 1 and relabel[0].level == "mandatory"
    assert "copies analytics to or from primary in stack jakarta, which is labelled customer-pii" in relabel[0].message


def test_faithful_replica_passes(tmp_path: Path) -> None:
    root = _project(tmp_path, "customer-pii")
    results = run_previews(PreviewOptions(("singapore", "jakarta"), root, POLICY_PACK))
    assert [r.stack for r in results] == ["singapore", "jakarta"]
    assert [v.message for r in results for v in r.violations] == []
