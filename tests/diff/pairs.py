"""Pairs of gate plans made from small programs, one change each."""

from pathlib import Path
from typing import Any

from residency.gate.preview import write_plan
from tests.gate.projects import ID_SG, preview, write_project

REPL = """
src, _ = bucket("src", "customer-pii")
dst, _ = bucket("dst", "customer-pii", {dst})
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{{
    "id": "all", "status": "Enabled", "destination": {{"bucket": dst.arn}}}}], opts=opts(JKT))
trail()
"""

PAIRS: dict[str, tuple[str, dict[str, Any] | None, str, dict[str, Any] | None]] = {
    "same-region to cross-region replication": (REPL.format(dst="JKT"), ID_SG, REPL.format(dst="SIN"), ID_SG),
    "ID-only to ID-SG": ('bucket("b", "customer-pii", SIN)', None, 'bucket("b", "customer-pii", SIN)', ID_SG),
    "retention lowered": ('log_group("api", "api-log", days=365)', None, 'log_group("api", "api-log", days=90)', None),
    "deletion protection removed": (
        'database("db", "customer-pii")',
        None,
        'database("db", "customer-pii", deletion_protection=False)',
        None,
    ),
    "store replaced": (
        'bucket("b", "biometric", bucket="kyc-bio-a")',
        None,
        'bucket("b", "biometric", bucket="kyc-bio-b")',
        None,
    ),
    "data class relabelled": ('bucket("b", "customer-pii")', None, 'bucket("b", "analytics")', None),
    "nothing changed": ('bucket("b", "customer-pii")', None, 'bucket("b", "customer-pii")', None),
}


def plan_pair(tmp_path: Path, name: str) -> tuple[Path, Path]:
    before_src, before_org, after_src, after_org = PAIRS[name]
    paths = []
    for side, src, org in (("before", before_src, before_org), ("after", after_src, after_org)):
        root = write_project(tmp_path / side, src, org)
        path = tmp_path / f"{side}.plan.json"
        write_plan(preview(root), path)
        paths.append(path)
    return paths[0], paths[1]
