"""Write small Pulumi projects into a temp directory and preview them through the real gate."""

import json
import textwrap
from pathlib import Path
from typing import Any

import yaml

from residency.gate.preview import PreviewOptions, run_preview
from residency.report import Report

REPO = Path(__file__).resolve().parents[2]
POLICY_PACK = REPO / "policy"

PRELUDE = """
import json
import pulumi
import pulumi_aws as aws

JKT = aws.Provider("jkt", region="ap-southeast-3")
SIN = aws.Provider("sin", region="ap-southeast-1")
IAD = aws.Provider("iad", region="us-east-1")


def cluster(name, region):
    import pulumi_kubernetes as k8s

    return k8s.Provider(name, cluster_identifier=f"arn:aws:eks:{region}:111122223333:cluster/kyc")


def pod_spec(region=None):
    spec = {"containers": [{"name": "app", "image": "ghcr.io/example/app:1"}]}
    if region:
        spec["node_selector"] = {"topology.kubernetes.io/region": region}
    return spec


PII_LABELS = {"quantumelixir.tech/data-class": "customer-pii"}


def opts(provider, **kw):
    return pulumi.ResourceOptions(provider=provider, **kw)


def key(name, cls, provider=JKT, **kw):
    return aws.kms.Key(name, enable_key_rotation=True, tags={"data-class": cls}, opts=opts(provider), **kw)


def bucket(name, cls, provider=JKT, tags=None, **kw):
    k = key(f"{name}-key", cls, provider)
    b = aws.s3.Bucket(name, tags=tags if tags is not None else {"data-class": cls}, opts=opts(provider), **kw)
    aws.s3.BucketServerSideEncryptionConfiguration(f"{name}-sse", bucket=b.id, rules=[{
        "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": k.arn}}],
        opts=opts(provider))
    aws.s3.BucketPublicAccessBlock(f"{name}-pab", bucket=b.id, block_public_acls=True, block_public_policy=True,
                                   ignore_public_acls=True, restrict_public_buckets=True, opts=opts(provider))
    aws.s3.BucketVersioning(f"{name}-ver", bucket=b.id, versioning_configuration={"status": "Enabled"},
                            opts=opts(provider))
    return b, k


def database(name, cls, provider=JKT, tags=None, **kw):
    k = key(f"{name}-key", cls, provider)
    args = dict(instance_class="db.t4g.micro", storage_encrypted=True, kms_key_id=k.arn, deletion_protection=True,
                skip_final_snapshot=False, final_snapshot_identifier=f"{name}-final", publicly_accessible=False,
                tags=tags if tags is not None else {"data-class": cls})
    if "replicate_source_db" not in kw:
        args.update(engine="postgres", allocated_storage=20, username="app", manage_master_user_password=True)
    args.update(kw)
    return aws.rds.Instance(name, opts=opts(provider), **args), k


def log_group(name, cls, provider=JKT, days=365, **kw):
    k = key(f"{name}-key", cls, provider)
    return aws.cloudwatch.LogGroup(name, retention_in_days=days, kms_key_id=k.arn, tags={"data-class": cls},
                                   opts=opts(provider), **kw)


def trail():
    return log_group("data-movement", "data-movement-audit", days=1827)


def role(name):
    return aws.iam.Role(name, assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": []}),
                        opts=opts(JKT))
"""

SCC = {"reference": "SCC-2026-014", "signedOn": "2026-07-01", "destinations": ["sg-sin-1"], "expires": "2028-06-30"}
ID_SG = {"dataResidency": "ID-SG", "scc": SCC}


def write_project(
    root: Path,
    program: str,
    org: dict[str, Any] | None = None,
    stack: str = "dev",
    region: str | None = "ap-southeast-3",
    prelude: bool = True,
    extra: dict[str, Any] | None = None,
    name: str = "sample",
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "Pulumi.yaml").write_text(yaml.safe_dump({"name": name, "runtime": "python"}))
    config: dict[str, Any] = {}
    if region:
        config["aws:region"] = region
    if org is not None:
        config["residency:org"] = org
    config.update(extra or {})
    (root / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump({"config": config}))
    source = (PRELUDE if prelude else "") + textwrap.dedent(program)
    (root / "__main__.py").write_text(source)
    return root


def preview(root: Path, stack: str = "dev", config_file: Path | None = None, timeout: float = 120) -> Report:
    return run_preview(PreviewOptions(stack, root, POLICY_PACK, config_file, timeout))


def policy_config(root: Path, data: dict[str, Any]) -> Path:
    path = root / "policy-config.json"
    path.write_text(json.dumps(data))
    return path
