"""Programs of raw pulumi_aws resources that each try to put restricted data outside Jakarta or copy it out.

Each has a compliant twin that must produce no violation at all.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.gate.projects import ID_SG, policy_config, preview, write_project


@dataclass(frozen=True)
class Case:
    name: str
    program: str
    policy: str
    message: str
    twin: str
    org: dict[str, Any] | None = None
    twin_org: dict[str, Any] | None = None
    region: str = "ap-southeast-3"
    extra: dict[str, Any] = field(default_factory=dict)
    twin_known: dict[str, str] = field(default_factory=dict)
    """Classes of resources outside the stack the twin's pack is told (`knownResources`), as the gate tells it."""


def assert_stopped(case: Case, tmp_path: Path) -> None:
    """The evasion program previews with a mandatory violation of the case's policy and message, exit 1."""
    result = preview(write_project(tmp_path, case.program, case.org, region=case.region, extra=case.extra))
    hits = [v for v in result.violations if v.policy == case.policy and case.message in v.message]
    assert hits, [(v.policy, v.message) for v in result.violations]
    assert all(v.level == "mandatory" for v in hits)
    assert result.exit_code == 1


def assert_twin_passes(case: Case, tmp_path: Path) -> None:
    """The compliant twin previews with no violation at all, exit 0."""
    root = write_project(tmp_path, case.twin, case.twin_org, region=case.region, extra=case.extra)
    known = None
    if case.twin_known:
        config = {"knownResources": case.twin_known}
        known = policy_config(
            tmp_path, {p: config for p in ("restrict-data-class-region", "restrict-cross-region-replication")}
        )
    result = preview(root, config_file=known)
    assert [(v.policy, v.message) for v in result.violations] == []
    assert result.exit_code == 0


S3_REPLICATION = """
src, _ = bucket("src", "customer-pii")
dst, dst_key = bucket("dst", "{dst_class}", SIN)
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{{
    "id": "all", "status": "Enabled",
    "destination": {{"bucket": dst.arn, "encryption_configuration": {{"replica_kms_key_id": dst_key.arn}}}}}}],
    opts=opts(JKT))
{trail}
"""

K8S_DEPLOYMENT = """
import pulumi_kubernetes as k8s
k8s.apps.v1.Deployment("api", metadata={{"labels": PII_LABELS}}, spec={{
    "selector": {{"match_labels": {{"app": "api"}}}},
    "template": {{"metadata": {{"labels": {{"app": "api"}}}}, "spec": pod_spec("{region}")}}}},
    opts=pulumi.ResourceOptions(provider=cluster("{cluster}", "{region}")))
"""

K8S_POD = """
import pulumi_kubernetes as k8s
k8s.core.v1.Pod("kyc-worker", metadata={{"labels": PII_LABELS}}, spec=pod_spec({pin}),
                opts=pulumi.ResourceOptions(provider=cluster("jkt-cluster", "ap-southeast-3")))
"""

PINNED_TOPOLOGY = 'allowed_topologies=[{"match_label_expressions": [{"key": "topology.kubernetes.io/region", "values": ["ap-southeast-3"]}]}],'

K8S_PVC = """
import pulumi_kubernetes as k8s
c = cluster("jkt-cluster", "ap-southeast-3")
k8s.storage.v1.StorageClass("gp3", metadata={{"name": "gp3"}}, provisioner="ebs.csi.aws.com", {topology}
                            opts=pulumi.ResourceOptions(provider=c))
k8s.core.v1.PersistentVolumeClaim("captures", metadata={{"labels": {{"quantumelixir.tech/data-class": "biometric"}}}},
    spec={{"storage_class_name": "gp3", "access_modes": ["ReadWriteOnce"], "resources": {{"requests": {{"storage": "10Gi"}}}}}},
    opts=pulumi.ResourceOptions(provider=c))
"""

EXPORT_GUARD = """
bucket("b", "customer-pii")
acl = aws.wafv2.WebAcl("guard", scope="REGIONAL", default_action={"allow": {}}, rules=[{
    "name": "exports", "priority": 0, "action": {"block": {}},
    "statement": {"and_statement": {"statements": [
        {"byte_match_statement": {"field_to_match": {"uri_path": {}}, "positional_constraint": "STARTS_WITH",
                                  "search_string": "/exports", "text_transformations": [{"priority": 0, "type": "NONE"}]}},
        {"not_statement": {"statement": {"geo_match_statement": {"country_codes": ["ID"]}}}}]}},
    "visibility_config": {"cloudwatch_metrics_enabled": False, "sampled_requests_enabled": False, "metric_name": "x"}}],
    visibility_config={"cloudwatch_metrics_enabled": False, "sampled_requests_enabled": False, "metric_name": "acl"},
    opts=opts(JKT))
aws.wafv2.WebAclAssociation("attach", web_acl_arn=acl.arn, opts=opts(JKT),
    resource_arn="arn:aws:elasticloadbalancing:ap-southeast-3:111122223333:loadbalancer/app/dash/1")
"""

CASES = [
    Case(
        "pii bucket on a Singapore provider",
        'bucket("b", "customer-pii", SIN)',
        "restrict-data-class-region",
        "customer-pii may not live in ap-southeast-1",
        'bucket("b", "customer-pii")',
    ),
    Case(
        "per-resource region input",
        'bucket("b", "biometric", JKT, region="ap-southeast-1")',
        "restrict-data-class-region",
        "region from resource region input",
        'bucket("b", "biometric", JKT, region="ap-southeast-3")',
    ),
    Case(
        "default provider in Singapore",
        """
b = aws.s3.Bucket("b", tags={"data-class": "source-document"})
""",
        "restrict-data-class-region",
        "region from stack aws:region (default provider)",
        """
b = aws.s3.Bucket("b", tags={"data-class": "software-artifact"})
""",
        region="ap-southeast-1",
    ),
    Case(
        "component inherits a Singapore provider",
        """
class Store(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("evasion:index:Store", name, None, opts)
        aws.s3.Bucket(f"{name}-b", tags={"data-class": "customer-pii"}, opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({})
Store("s", opts=pulumi.ResourceOptions(providers={"aws": SIN}))
""",
        "restrict-data-class-region",
        "region from provider sin",
        """
class Store(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("evasion:index:Store", name, None, opts)
        aws.s3.Bucket(f"{name}-b", tags={"data-class": "software-artifact"}, opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({})
Store("s", opts=pulumi.ResourceOptions(providers={"aws": SIN}))
""",
    ),
    Case(
        "untagged database",
        'database("db", "customer-pii", tags={})',
        "require-data-class-tag",
        "no 'data-class' tag",
        'database("db", "customer-pii")',
    ),
    Case(
        "misspelt tag key",
        'database("db", "customer-pii", tags={"Data-Class": "customer-pii"})',
        "require-data-class-tag",
        "tag key 'Data-Class' is not read; use 'data-class' exactly",
        'database("db", "customer-pii")',
    ),
    Case(
        "unknown class value",
        'bucket("b", "pii")',
        "require-data-class-tag",
        "data-class 'pii' is not a known class",
        'bucket("b", "customer-pii")',
    ),
    Case(
        "s3 replication to Singapore under ID-only",
        S3_REPLICATION.format(dst_class="customer-pii", trail="trail()"),
        "restrict-cross-region-replication",
        "customer-pii may not be copied",
        S3_REPLICATION.format(dst_class="customer-pii", trail="trail()"),
        twin_org=ID_SG,
        org=None,
    ),
    Case(
        "relabelled replica destination",
        S3_REPLICATION.format(dst_class="software-artifact", trail="trail()"),
        "restrict-cross-region-replication",
        "class from source src",
        S3_REPLICATION.format(dst_class="customer-pii", trail="trail()"),
        twin_org=ID_SG,
        org=None,
    ),
    Case(
        "s3 replication to a bucket outside the stack",
        """
src, _ = bucket("src", "customer-pii")
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": "arn:aws:s3:::somewhere-else"}}], opts=opts(JKT))
trail()
""",
        "restrict-cross-region-replication",
        "S3 ARNs carry no region",
        """
src, _ = bucket("src", "customer-pii")
dst, _ = bucket("dst", "customer-pii")
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": dst.arn}}], opts=opts(JKT))
""",
        org=ID_SG,
        twin_org=ID_SG,
    ),
    Case(
        "s3 replication named only by a Singapore replica key",
        """
src, _ = bucket("src", "biometric")
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": "arn:aws:s3:::replica-in-sg",
    "encryption_configuration": {"replica_kms_key_id": "arn:aws:kms:ap-southeast-1:123456789012:key/abc"}}}],
    opts=opts(JKT))
trail()
""",
        "restrict-cross-region-replication",
        "biometric may not be copied",
        """
src, _ = bucket("src", "biometric")
aws.s3.BucketReplicationConfig("repl", bucket=src.id, role=role("r").arn, rules=[{
    "id": "all", "status": "Enabled", "destination": {"bucket": "arn:aws:s3:::replica-in-sg",
    "encryption_configuration": {"replica_kms_key_id": "arn:aws:kms:ap-southeast-1:123456789012:key/abc"}}}],
    opts=opts(JKT))
trail()
""",
        twin_org=ID_SG,
    ),
    Case(
        "rds read replica in Singapore",
        """
database("replica", "customer-pii", SIN, replicate_source_db="arn:aws:rds:ap-southeast-3:123456789012:db:primary")
""",
        "restrict-cross-region-replication",
        "RDS read replica",
        """
database("replica", "customer-pii", SIN, replicate_source_db="arn:aws:rds:ap-southeast-3:123456789012:db:primary")
""",
        twin_org=ID_SG,
        twin_known={"arn:aws:rds:ap-southeast-3:123456789012:db:primary": "customer-pii"},
    ),
    Case(
        "audit log replica even under ID-SG",
        """
database("replica", "audit-log", SIN, replicate_source_db="arn:aws:rds:ap-southeast-3:123456789012:db:primary")
""",
        "restrict-cross-region-replication",
        "audit-log is never replicated cross-region",
        """
database("replica", "audit-log", JKT, replicate_source_db="arn:aws:rds:ap-southeast-3:123456789012:db:primary")
""",
        org=ID_SG,
        twin_org=ID_SG,
    ),
    Case(
        "rds automated backups replicated to Singapore",
        """
db, _ = database("db", "customer-pii")
aws.rds.InstanceAutomatedBackupsReplication("abr", source_db_instance_arn=db.arn, opts=opts(SIN))
""",
        "restrict-cross-region-replication",
        "RDS automated backup replication",
        """
db, _ = database("db", "customer-pii")
""",
    ),
    Case(
        "rds snapshot copied to Singapore",
        """
aws.rds.SnapshotCopy("copy", source_db_snapshot_identifier="arn:aws:rds:ap-southeast-3:123456789012:snapshot:s1",
    target_db_snapshot_identifier="s1-copy", tags={"data-class": "customer-pii"}, opts=opts(SIN))
""",
        "restrict-cross-region-replication",
        "RDS snapshot copy",
        """
aws.rds.SnapshotCopy("copy", source_db_snapshot_identifier="arn:aws:rds:ap-southeast-3:123456789012:snapshot:s1",
    target_db_snapshot_identifier="s1-copy", tags={"data-class": "customer-pii"}, opts=opts(JKT))
""",
    ),
    Case(
        "dynamodb global table replica",
        """
k = key("k", "customer-pii")
aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
    stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES", replicas=[{"region_name": "ap-southeast-1"}],
    tags={"data-class": "customer-pii"}, opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "DynamoDB global table replica",
        """
aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
    tags={"data-class": "customer-pii"}, opts=opts(JKT))
""",
    ),
    Case(
        "dynamodb table replica resource",
        """
aws.dynamodb.TableReplica("tr", global_table_arn="arn:aws:dynamodb:ap-southeast-3:123456789012:table/kyc",
    tags={"data-class": "customer-pii"}, opts=opts(SIN))
trail()
""",
        "restrict-cross-region-replication",
        "DynamoDB table replica",
        """
aws.dynamodb.TableReplica("tr", global_table_arn="arn:aws:dynamodb:ap-southeast-3:123456789012:table/kyc",
    tags={"data-class": "customer-pii"}, opts=opts(SIN))
trail()
""",
        twin_org=ID_SG,
        twin_known={"arn:aws:dynamodb:ap-southeast-3:123456789012:table/kyc": "customer-pii"},
    ),
    Case(
        "elasticache global datastore",
        """
k = key("k", "customer-pii")
rg = aws.elasticache.ReplicationGroup("rg", description="pii", engine="valkey", node_type="cache.t4g.small",
    at_rest_encryption_enabled=True, kms_key_id=k.arn, transit_encryption_enabled=True,
    tags={"data-class": "customer-pii"}, opts=opts(JKT))
aws.elasticache.GlobalReplicationGroup("g", global_replication_group_id_suffix="pii",
    primary_replication_group_id=rg.id, opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "ElastiCache global datastore",
        """
k = key("k", "customer-pii")
rg = aws.elasticache.ReplicationGroup("rg", description="pii", engine="valkey", node_type="cache.t4g.small",
    at_rest_encryption_enabled=True, kms_key_id=k.arn, transit_encryption_enabled=True,
    tags={"data-class": "customer-pii"}, opts=opts(JKT))
""",
    ),
    Case(
        "backup plan copying to a Singapore vault",
        """
aws.backup.Plan("plan", rules=[{"rule_name": "daily", "target_vault_name": "local",
    "copy_actions": [{"destination_vault_arn": "arn:aws:backup:ap-southeast-1:123456789012:backup-vault:dr"}]}],
    tags={"data-class": "source-document"}, opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "Backup copy action",
        """
aws.backup.Plan("plan", rules=[{"rule_name": "daily", "target_vault_name": "local",
    "copy_actions": [{"destination_vault_arn": "arn:aws:backup:ap-southeast-3:123456789012:backup-vault:dr"}]}],
    tags={"data-class": "source-document"}, opts=opts(JKT))
""",
    ),
    Case(
        "multi-region kms key",
        'key("k", "sar-envelope", multi_region=True)',
        "restrict-cross-region-replication",
        "KMS multi-region key",
        'key("k", "sar-envelope")',
    ),
    Case(
        "kms replica key in Singapore",
        """
aws.kms.ReplicaKey("rk", primary_key_arn="arn:aws:kms:ap-southeast-3:123456789012:key/mrk-1",
    tags={"data-class": "customer-pii"}, opts=opts(SIN))
""",
        "restrict-cross-region-replication",
        "KMS replica key",
        'key("k", "customer-pii")',
    ),
    Case(
        "secret replicated to Singapore",
        """
aws.secretsmanager.Secret("s", replicas=[{"region": "ap-southeast-1"}], tags={"data-class": "customer-pii"},
    opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "Secrets Manager replica",
        """
aws.secretsmanager.Secret("s", tags={"data-class": "customer-pii"}, opts=opts(JKT))
""",
    ),
    Case(
        "ecr registry replication of a pii repository",
        """
aws.ecr.Repository("r", tags={"data-class": "customer-pii"}, opts=opts(JKT))
aws.ecr.ReplicationConfiguration("rc", replication_configuration={"rules": [{"destinations": [
    {"region": "ap-southeast-1", "registry_id": "123456789012"}]}]}, opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "ECR replication",
        """
aws.ecr.Repository("r", tags={"data-class": "software-artifact"}, opts=opts(JKT))
aws.ecr.ReplicationConfiguration("rc", replication_configuration={"rules": [{"destinations": [
    {"region": "ap-southeast-1", "registry_id": "123456789012"}]}]}, opts=opts(JKT))
""",
    ),
    Case(
        "api logs shipped to a Singapore stream",
        """
lg = log_group("api", "api-log")
aws.cloudwatch.LogSubscriptionFilter("ship", log_group=lg.name, filter_pattern="",
    destination_arn="arn:aws:kinesis:ap-southeast-1:123456789012:stream/logs", opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "log subscription filter",
        """
lg = log_group("api", "api-log")
aws.cloudwatch.LogSubscriptionFilter("ship", log_group=lg.name, filter_pattern="",
    destination_arn="arn:aws:kinesis:ap-southeast-3:123456789012:stream/logs", opts=opts(JKT))
""",
    ),
    Case(
        "firehose into a Singapore search domain",
        """
aws.kinesis.FirehoseDeliveryStream("fh", destination="opensearch", opensearch_configuration={
    "domain_arn": "arn:aws:es:ap-southeast-1:123456789012:domain/logs", "index_name": "api",
    "role_arn": "arn:aws:iam::123456789012:role/fh", "s3_configuration": {
        "bucket_arn": "arn:aws:s3:::backup", "role_arn": "arn:aws:iam::123456789012:role/fh"}},
    tags={"data-class": "api-log"}, opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "Firehose delivery",
        """
aws.kinesis.FirehoseDeliveryStream("fh", destination="opensearch", opensearch_configuration={
    "domain_arn": "arn:aws:es:ap-southeast-3:123456789012:domain/logs", "index_name": "api",
    "role_arn": "arn:aws:iam::123456789012:role/fh", "s3_configuration": {
        "bucket_arn": "arn:aws:s3:::backup", "role_arn": "arn:aws:iam::123456789012:role/fh"}},
    tags={"data-class": "api-log"}, opts=opts(JKT))
""",
    ),
    Case(
        "efs replicated to Singapore",
        """
fs = aws.efs.FileSystem("fs", encrypted=True, tags={"data-class": "source-document"}, opts=opts(JKT))
aws.efs.ReplicationConfiguration("er", source_file_system_id=fs.id, destination={"region": "ap-southeast-1"},
    opts=opts(JKT))
""",
        "restrict-cross-region-replication",
        "EFS replication",
        """
fs = aws.efs.FileSystem("fs", encrypted=True, tags={"data-class": "source-document"}, opts=opts(JKT))
aws.efs.ReplicationConfiguration("er", source_file_system_id=fs.id, destination={"region": "ap-southeast-3"},
    opts=opts(JKT))
""",
    ),
    Case(
        "multi-region access point spanning Jakarta and Singapore",
        """
a, _ = bucket("a", "customer-pii")
b, _ = bucket("b", "customer-pii", SIN)
aws.s3control.MultiRegionAccessPoint("mrap", details={"name": "pii", "regions": [{"bucket": a.id}, {"bucket": b.id}]},
    opts=opts(JKT))
trail()
""",
        "restrict-cross-region-replication",
        "S3 multi-region access point",
        """
a, _ = bucket("a", "customer-pii")
b, _ = bucket("b", "customer-pii", SIN)
aws.s3control.MultiRegionAccessPoint("mrap", details={"name": "pii", "regions": [{"bucket": a.id}, {"bucket": b.id}]},
    opts=opts(JKT))
trail()
""",
        twin_org=ID_SG,
    ),
    Case(
        "audit logs in us-east-1",
        'log_group("audit", "audit-log", IAD, days=1827)',
        "restrict-data-class-region",
        "audit-log may not live in us-east-1",
        'log_group("audit", "audit-log", JKT, days=1827)',
    ),
    Case(
        "webhook outbox in Singapore under ID-only",
        """
k = key("k", "webhook-outbox", SIN)
aws.sqs.Queue("q", kms_master_key_id=k.arn, tags={"data-class": "webhook-outbox"}, opts=opts(SIN))
""",
        "restrict-data-class-region",
        "webhook-outbox may not live in ap-southeast-1",
        """
k = key("k", "webhook-outbox", SIN)
aws.sqs.Queue("q", kms_master_key_id=k.arn, tags={"data-class": "webhook-outbox"}, opts=opts(SIN))
""",
        twin_org={**ID_SG, "webhookEgressRegion": "sg-sin-1"},
    ),
    Case(
        "ops telemetry leaves without the toggle",
        'log_group("ops", "ops-telemetry", IAD)',
        "restrict-data-class-region",
        "ops-telemetry may not live in us-east-1",
        'log_group("ops", "ops-telemetry", IAD)',
        twin_org={"opsTelemetry": True},
    ),
    Case(
        "pii deployment on a Singapore cluster",
        K8S_DEPLOYMENT.format(cluster="SIN", region="ap-southeast-1"),
        "restrict-data-class-region",
        "customer-pii may not live in ap-southeast-1",
        K8S_DEPLOYMENT.format(cluster="JKT", region="ap-southeast-3"),
    ),
    Case(
        "pod without region pinning",
        K8S_POD.format(pin="None"),
        "restrict-data-class-region",
        "its pods are not pinned to a region",
        K8S_POD.format(pin='"ap-southeast-3"'),
    ),
    Case(
        "pvc on an unpinned storage class",
        K8S_PVC.format(topology=""),
        "enforce-volume-region-topology",
        "whose allowedTopologies do not restrict",
        K8S_PVC.format(topology=PINNED_TOPOLOGY),
    ),
    Case(
        "exports without the export guard",
        'bucket("b", "customer-pii")',
        "require-export-guard",
        "no WAF web ACL blocks dashboard exports",
        EXPORT_GUARD,
        org={"requireSinkRegion": "ID"},
        twin_org={"requireSinkRegion": "ID"},
    ),
    Case(
        "cross-border replication without the audit trail",
        S3_REPLICATION.format(dst_class="customer-pii", trail=""),
        "require-data-movement-audit-trail",
        "no store of class data-movement-audit",
        S3_REPLICATION.format(dst_class="customer-pii", trail="trail()"),
        org=ID_SG,
        twin_org=ID_SG,
    ),
]
