"""Routes out of Jakarta that no list in the pack names: one evasion per mover family, each with a compliant twin.

Families: managed migration and sync, snapshot and image copies, multi-region databases of other engines, event
buses and subscriptions, trails and flow logs, query result locations, identity stores, streaming, newer storage,
relabelled copies and two-hop relays, global edge services, compute reading across the border, opaque resources.
"""

from tests.gate.evasions import Case
from tests.gate.projects import ID_SG

COPY = "restrict-cross-region-replication"
PLACE = "restrict-data-class-region"
TAG = "require-data-class-tag"

DMS = """
src_db, _ = database("src", "customer-pii")
dst, _ = bucket("dst", "{dst_class}", {dst_provider})
source = aws.dms.Endpoint("source", endpoint_id="src", endpoint_type="source", engine_name="postgres",
    server_name=src_db.address, port=5432, database_name="kyc", username="u", password="p", opts=opts(JKT))
target = aws.dms.S3Endpoint("target", endpoint_id="dst", endpoint_type="target", bucket_name=dst.bucket,
    service_access_role_arn=role("dms").arn, opts=opts(JKT))
ri = aws.dms.ReplicationInstance("ri", replication_instance_id="ri", replication_instance_class="dms.t3.micro",
    opts=opts(JKT))
aws.dms.ReplicationTask("task", replication_task_id="t", migration_type="full-load", table_mappings="{{}}",
    replication_instance_arn=ri.replication_instance_arn, source_endpoint_arn=source.endpoint_arn,
    target_endpoint_arn=target.endpoint_arn, opts=opts(JKT))
{trail}
"""

DATASYNC = """
src, _ = bucket("src", "biometric")
dst, _ = bucket("dst", "{dst_class}", {dst_provider})
r = role("ds")
a = aws.datasync.S3Location("a", s3_bucket_arn=src.arn, subdirectory="/",
    s3_config={{"bucket_access_role_arn": r.arn}}, opts=opts(JKT))
b = aws.datasync.S3Location("b", s3_bucket_arn=dst.arn, subdirectory="/",
    s3_config={{"bucket_access_role_arn": r.arn}}, opts=opts({dst_provider}))
aws.datasync.Task("sync", source_location_arn=a.arn, destination_location_arn=b.arn, opts=opts(JKT))
{trail}
"""

EBS_COPY = """
k = key("vol-key", "biometric")
vol = aws.ebs.Volume("vol", availability_zone="ap-southeast-3a", size=10, encrypted=True, kms_key_id=k.arn,
    tags={{"data-class": "biometric"}}, opts=opts(JKT))
snap = aws.ebs.Snapshot("snap", volume_id=vol.id, tags={{"data-class": "{snap_class}"}}, opts=opts(JKT))
aws.ebs.SnapshotCopy("copy", source_snapshot_id=snap.id, source_region="ap-southeast-3", encrypted=True,
    kms_key_id=key("copy-key", "biometric", {copy_provider}).arn, tags={{"data-class": "biometric"}},
    opts=opts({copy_provider}))
"""

AMI_COPY = """
vol = aws.ebs.Volume("root", availability_zone="ap-southeast-3a", size=8, encrypted=True,
    kms_key_id=key("root-key", "customer-pii").arn, tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
snap = aws.ebs.Snapshot("root-snap", volume_id=vol.id, tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
ami = aws.ec2.Ami("golden", ebs_block_devices=[{{"device_name": "/dev/xvda", "snapshot_id": snap.id}}],
    root_device_name="/dev/xvda", tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
aws.ec2.AmiCopy("copy", source_ami_id=ami.id, source_ami_region="ap-southeast-3",
    tags={{"data-class": "software-artifact"}}, opts=opts({copy_provider}))
"""

EVENTS = """
q = aws.sqs.Queue("out", kms_master_key_id=key("q-key", "{queue_class}", {queue_provider}).arn,
    tags={{"data-class": "{queue_class}"}}, opts=opts({queue_provider}))
bus = aws.cloudwatch.EventBus("kyc", tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
rule = aws.cloudwatch.EventRule("all", event_bus_name=bus.name, event_pattern=json.dumps({{"source": ["kyc"]}}),
    opts=opts(JKT))
aws.cloudwatch.EventTarget("fwd", rule=rule.name, event_bus_name=bus.name, arn=q.arn, opts=opts(JKT))
{trail}
"""

SNS = """
topic = aws.sns.Topic("kyc-events", tags={{"data-class": "api-log"}}, opts=opts(JKT))
q = aws.sqs.Queue("mirror", kms_master_key_id=key("q-key", "{queue_class}", {queue_provider}).arn,
    tags={{"data-class": "{queue_class}"}}, opts=opts({queue_provider}))
aws.sns.TopicSubscription("sub", topic=topic.arn, protocol="sqs", endpoint=q.arn, opts=opts(JKT))
{trail}
"""

TRAIL = """
src, _ = bucket("src", "source-document")
logs, _ = bucket("trail-logs", "{logs_class}", {logs_provider})
aws.cloudtrail.Trail("t", s3_bucket_name=logs.bucket, event_selectors=[{{"read_write_type": "All",
    "include_management_events": False,
    "data_resources": [{{"type": "AWS::S3::Object", "values": [src.arn.apply(lambda a: a + "/")]}}]}}],
    opts=opts(JKT))
{trail}
"""

FLOW_LOG = """
vpc = aws.ec2.Vpc("net", cidr_block="10.0.0.0/16", opts=opts(JKT))
logs, _ = bucket("flow-logs", "ops-telemetry", {logs_provider})
aws.ec2.FlowLog("flows", vpc_id=vpc.id, traffic_type="ALL", log_destination_type="s3", log_destination=logs.arn,
    tags={{"data-class": "ops-telemetry"}}, opts=opts(JKT))
"""

ATHENA = """
results, _ = bucket("results", "customer-pii", {results_provider})
aws.athena.Workgroup("analysts", tags={{"data-class": "customer-pii"}}, configuration={{"result_configuration": {{
    "output_location": results.bucket.apply(lambda b: f"s3://{{b}}/athena/")}}}}, opts=opts(JKT))
{trail}
"""

RELAY = """
src, _ = bucket("src", "customer-pii")
relay, relay_key = bucket("relay", "{relay_class}")
far, far_key = bucket("far", "{relay_class}", {far_provider})
aws.s3.BucketReplicationConfig("hop1", bucket=src.id, role=role("r1").arn, rules=[{{"id": "a", "status": "Enabled",
    "destination": {{"bucket": relay.arn, "encryption_configuration": {{"replica_kms_key_id": relay_key.arn}}}}}}]
    , opts=opts(JKT))
aws.s3.BucketReplicationConfig("hop2", bucket=relay.id, role=role("r2").arn, rules=[{{"id": "b",
    "status": "Enabled", "destination": {{"bucket": far.arn,
    "encryption_configuration": {{"replica_kms_key_id": far_key.arn}}}}}}], opts=opts(JKT))
trail()
"""

LAMBDA_READS = """
docs, _ = bucket("docs", "source-document")
aws.lambda_.Function("ocr", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({{"h.py": pulumi.StringAsset("def h(e, c): pass")}}),
    environment={{"variables": {{"BUCKET": docs.bucket}}}}, tags={{"data-class": "software-artifact"}},
    opts=opts({fn_provider}))
"""

DDB_STREAM = """
table = aws.dynamodb.Table("kyc", hash_key="id", attributes=[{{"name": "id", "type": "S"}}],
    billing_mode="PAY_PER_REQUEST", deletion_protection_enabled=True,
    server_side_encryption={{"enabled": True, "kms_key_arn": key("t-key", "customer-pii").arn}},
    tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
stream = aws.kinesis.Stream("changes", shard_count=1, encryption_type="KMS", kms_key_id="alias/aws/kinesis",
    tags={{"data-class": "{stream_class}"}}, opts=opts({stream_provider}))
aws.dynamodb.KinesisStreamingDestination("cdc", stream_arn=stream.arn, table_name=table.name, opts=opts(JKT))
{trail}
"""

DOCDB_GLOBAL = """
g = aws.docdb.GlobalCluster("g", global_cluster_identifier="kyc-global", engine="docdb", engine_version="5.0.0",
    opts=opts(JKT))
aws.docdb.Cluster("primary", cluster_identifier="kyc-primary", engine="docdb", global_cluster_identifier=g.id,
    master_username="u", master_password="pw123456", storage_encrypted=True, deletion_protection=True,
    kms_key_id=key("p-key", "customer-pii").arn, tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
aws.docdb.Cluster("secondary", cluster_identifier="kyc-secondary", engine="docdb", global_cluster_identifier=g.id,
    storage_encrypted=True, deletion_protection=True, kms_key_id=key("s-key", "{secondary_class}", SIN).arn,
    tags={{"data-class": "{secondary_class}"}}, opts=opts(SIN))
trail()
"""

OUTBOUND_SEARCH = """
local = aws.opensearch.Domain("search", domain_name="kyc-search", engine_version="OpenSearch_2.11",
    encrypt_at_rest={{"enabled": True}}, tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
aws.opensearch.OutboundConnection("x", connection_alias="to-remote",
    local_domain_info={{"owner_id": "123456789012", "region": "ap-southeast-3", "domain_name": local.domain_name}},
    remote_domain_info={{"owner_id": "123456789012", "region": "{remote_region}", "domain_name": "remote"}},
    opts=opts(JKT))
{trail}
"""

DATA_CAPTURE = """
capture, _ = bucket("capture", "biometric", {capture_provider})
model = aws.sagemaker.Model("liveness-model", execution_role_arn=role("sm").arn, tags={{"data-class": "biometric"}},
    primary_container={{"image": "123456789012.dkr.ecr.ap-southeast-3.amazonaws.com/liveness:1"}}, opts=opts(JKT))
aws.sagemaker.EndpointConfiguration("liveness", production_variants=[{{"variant_name": "v", "model_name": model.name,
    "initial_instance_count": 1, "instance_type": "ml.m5.large"}}], tags={{"data-class": "biometric"}},
    data_capture_config={{"initial_sampling_percentage": 100, "destination_s3_uri": capture.bucket.apply(
        lambda b: f"s3://{{b}}/capture"), "capture_options": [{{"capture_mode": "Input"}}]}}, opts=opts(JKT))
{trail}
"""

ACCELERATOR = """
lb = aws.lb.LoadBalancer("api", load_balancer_type="application", subnets=["subnet-1", "subnet-2"],
    tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
{accelerator}
"""
ACCELERATOR_ON = """
acc = aws.globalaccelerator.Accelerator("acc", ip_address_type="IPV4", enabled=True,
    tags={"data-class": "software-artifact"}, opts=opts(IAD))
listener = aws.globalaccelerator.Listener("l", accelerator_arn=acc.id, protocol="TCP",
    port_ranges=[{"from_port": 443, "to_port": 443}], opts=opts(IAD))
aws.globalaccelerator.EndpointGroup("eg", listener_arn=listener.id, endpoint_group_region="ap-southeast-3",
    endpoint_configurations=[{"endpoint_id": lb.arn, "weight": 100}], opts=opts(IAD))
"""

OPAQUE = """
import pulumi_command as command
src, _ = bucket("src", "{cls}")
command.local.Command("sync", create=src.bucket.apply(lambda b: f"aws s3 sync s3://{{b}} {dest}"))
"""

DEFAULT_TAGS = """
tagged = aws.Provider("tagged", region="ap-southeast-1", default_tags={{"tags": {{"{key}": "software-artifact"}}}})
k = aws.kms.Key("k", enable_key_rotation=True, opts=opts(tagged))
b = aws.s3.Bucket("artefacts", opts=opts(tagged))
aws.s3.BucketServerSideEncryptionConfiguration("sse", bucket=b.id, rules=[{{"apply_server_side_encryption_by_default":
    {{"sse_algorithm": "aws:kms", "kms_master_key_id": k.arn}}}}], opts=opts(tagged))
aws.s3.BucketPublicAccessBlock("pab", bucket=b.id, block_public_acls=True, block_public_policy=True,
    ignore_public_acls=True, restrict_public_buckets=True, opts=opts(tagged))
aws.s3.BucketVersioning("ver", bucket=b.id, versioning_configuration={{"status": "Enabled"}}, opts=opts(tagged))
"""

REROUTED = """
p = aws.Provider("rerouted", region="ap-southeast-3", endpoints=[{{"s3": "https://s3.{region}.amazonaws.com",
    "kms": "https://kms.{region}.amazonaws.com"}}])
bucket("docs", "source-document", p)
"""

FUNCTION_ENV = """
docs, _ = bucket("docs", "customer-pii")
aws.lambda_.Function("exporter", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({{"h.py": pulumi.StringAsset("def h(e, c): pass")}}),
    environment={{"variables": {{"SRC": docs.bucket, "DEST": {dest}}}}},
    tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
"""
IN_STACK_GLOBAL_HOST = 'docs.bucket.apply(lambda b: f"https://{b}.s3.amazonaws.com/incoming/")'

USER_DATA = """
import base64, gzip
docs, _ = bucket("docs", "source-document")
script = docs.bucket.apply(lambda b: f"#!/bin/bash\\naws s3 sync s3://{{b}} {dest} --region {region}\\n")
aws.ec2.{resource}("syncer", {image}="ami-0123456789abcdef0", instance_type="t3.micro",
    {prop}=script.apply(lambda s: base64.b64encode({pack}(s.encode())).decode()),
    tags={{"data-class": "source-document"}}, opts=opts(JKT))
"""

SFN_HTTP = """
docs, _ = bucket("docs", "customer-pii")
definition = docs.bucket.apply(lambda b: json.dumps({{"StartAt": "Send", "States": {{"Send": {{"Type": "Task",
    "Resource": "arn:aws:states:::http:invoke", "End": True, "Parameters": {{"ApiEndpoint": "{endpoint}",
    "Method": "POST", "RequestBody": {{"bucket": b}}}}}}}}}}))
aws.sfn.StateMachine("forward", role_arn=role("sfn").arn, definition=definition,
    tags={{"data-class": "customer-pii"}}, opts=opts(JKT))
"""

NO_TRAIL = ""
TRAIL_LINE = "trail()"

ROUTES = [
    Case(
        "dms migration into a relabelled Singapore bucket",
        DMS.format(dst_class="software-artifact", dst_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "dst is labelled software-artifact but receives customer-pii",
        DMS.format(dst_class="customer-pii", dst_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "datasync task to a Singapore location",
        DATASYNC.format(dst_class="software-artifact", dst_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "biometric may not be copied",
        DATASYNC.format(dst_class="biometric", dst_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "ebs snapshot copied to Singapore",
        EBS_COPY.format(snap_class="biometric", copy_provider="SIN"),
        PLACE,
        "biometric may not live in ap-southeast-1",
        EBS_COPY.format(snap_class="biometric", copy_provider="JKT"),
    ),
    Case(
        "ebs snapshot relabelled before the copy",
        EBS_COPY.format(snap_class="software-artifact", copy_provider="JKT"),
        COPY,
        "snap is labelled software-artifact but receives biometric",
        EBS_COPY.format(snap_class="biometric", copy_provider="JKT"),
    ),
    Case(
        "ami copied to Singapore under a harmless label",
        AMI_COPY.format(copy_provider="SIN"),
        PLACE,
        "customer-pii may not live in ap-southeast-1",
        AMI_COPY.format(copy_provider="JKT"),
    ),
    Case(
        "event bus target in Singapore",
        EVENTS.format(queue_class="software-artifact", queue_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "customer-pii may not be copied",
        EVENTS.format(queue_class="customer-pii", queue_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "sns subscription by a Singapore queue",
        SNS.format(queue_class="software-artifact", queue_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "api-log may not be copied",
        SNS.format(queue_class="api-log", queue_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "cloudtrail data events delivered to us-east-1",
        TRAIL.format(logs_class="software-artifact", logs_provider="IAD", trail=TRAIL_LINE),
        COPY,
        "source-document may not be copied ap-southeast-3 (id-jkt-1) -> us-east-1",
        TRAIL.format(logs_class="source-document", logs_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "flow logs to a Singapore bucket",
        FLOW_LOG.format(logs_provider="SIN"),
        COPY,
        "ops-telemetry may leave id-jkt-1 only with opsTelemetry: true",
        FLOW_LOG.format(logs_provider="JKT"),
    ),
    Case(
        "athena query results in Singapore",
        ATHENA.format(results_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "reference in configuration.resultConfiguration.outputLocation on analysts: customer-pii may not be copied",
        ATHENA.format(results_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "identity store in Singapore",
        'aws.cognito.UserPool("customers", opts=opts(SIN))',
        PLACE,
        "customers: audit-log may not live in ap-southeast-1",
        'aws.cognito.UserPool("customers", deletion_protection="ACTIVE", tags={"data-class": "customer-pii"}, '
        "opts=opts(JKT))",
    ),
    Case(
        "streaming cluster in Singapore",
        """
aws.msk.ServerlessCluster("events", cluster_name="events", vpc_configs=[{"subnet_ids": ["subnet-1"]}],
    client_authentication={"sasl": {"iam": {"enabled": True}}}, opts=opts(SIN))
""",
        PLACE,
        "events: audit-log may not live in ap-southeast-1",
        """
aws.msk.ServerlessCluster("events", cluster_name="events", vpc_configs=[{"subnet_ids": ["subnet-1"]}],
    client_authentication={"sasl": {"iam": {"enabled": True}}}, tags={"data-class": "api-log"}, opts=opts(JKT))
""",
    ),
    Case(
        "table bucket in Singapore",
        'aws.s3tables.TableBucket("lake", name="kyc-lake", tags={"data-class": "analytics"}, opts=opts(SIN))',
        PLACE,
        "analytics may not live in ap-southeast-1",
        'aws.s3tables.TableBucket("lake", name="kyc-lake", tags={"data-class": "analytics"}, opts=opts(SIN))',
        twin_org=ID_SG,
    ),
    Case(
        "two-hop relay through a Jakarta bucket",
        RELAY.format(relay_class="software-artifact", far_provider="IAD"),
        COPY,
        "customer-pii may not be copied ap-southeast-3 (id-jkt-1) -> us-east-1",
        RELAY.format(relay_class="customer-pii", far_provider="JKT"),
    ),
    Case(
        "function in Singapore reading Jakarta documents",
        LAMBDA_READS.format(fn_provider="SIN"),
        PLACE,
        "ocr: source-document may not live in ap-southeast-1",
        LAMBDA_READS.format(fn_provider="JKT"),
    ),
    Case(
        "dynamodb change stream to Singapore",
        DDB_STREAM.format(stream_class="software-artifact", stream_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "customer-pii may not be copied",
        DDB_STREAM.format(stream_class="customer-pii", stream_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "documentdb global cluster with a relabelled secondary",
        DOCDB_GLOBAL.format(secondary_class="software-artifact"),
        COPY,
        "secondary is labelled software-artifact but receives customer-pii",
        DOCDB_GLOBAL.format(secondary_class="customer-pii"),
        org=ID_SG,
        twin_org=ID_SG,
    ),
    Case(
        "opensearch outbound connection to Singapore",
        OUTBOUND_SEARCH.format(remote_region="ap-southeast-1", trail=TRAIL_LINE),
        COPY,
        "customer-pii may not be copied ap-southeast-3 (id-jkt-1) -> ap-southeast-1",
        OUTBOUND_SEARCH.format(remote_region="ap-southeast-3", trail=NO_TRAIL),
    ),
    Case(
        "model data capture to Singapore",
        DATA_CAPTURE.format(capture_provider="SIN", trail=TRAIL_LINE),
        COPY,
        "biometric may not be copied",
        DATA_CAPTURE.format(capture_provider="JKT", trail=NO_TRAIL),
    ),
    Case(
        "global accelerator in front of a Jakarta API",
        ACCELERATOR.format(accelerator=ACCELERATOR_ON),
        PLACE,
        "eg has no single region",
        ACCELERATOR.format(accelerator=""),
    ),
    Case(
        "cdn in front of identity documents",
        """
docs, _ = bucket("docs", "source-document")
aws.cloudfront.Distribution("cdn", enabled=True, origins=[{"origin_id": "docs",
    "domain_name": docs.bucket_regional_domain_name}], default_cache_behavior={"target_origin_id": "docs",
    "viewer_protocol_policy": "https-only", "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
    "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}}},
    restrictions={"geo_restriction": {"restriction_type": "none"}},
    viewer_certificate={"cloudfront_default_certificate": True}, opts=opts(IAD))
""",
        PLACE,
        "fronts source-document",
        'docs, _ = bucket("docs", "source-document")',
    ),
    Case(
        "shell command copying a restricted bucket",
        OPAQUE.format(cls="customer-pii", dest="s3://backup-elsewhere"),
        COPY,
        "could not evaluate",
        # A bucket outside the stack is data of unknown class even beside a dependency: the twin syncs locally.
        OPAQUE.format(cls="software-artifact", dest="/tmp/build"),
    ),
    Case(
        "provider endpoints rerouted to Singapore",
        REROUTED.format(region="ap-southeast-1"),
        PLACE,
        "provider rerouted sends API calls to endpoints in ap-southeast-1",
        REROUTED.format(region="ap-southeast-3"),
    ),
    Case(
        "provider default tags with a near-miss key",
        DEFAULT_TAGS.format(key="Data-Class"),
        TAG,
        "tag key 'Data-Class' is not read",
        DEFAULT_TAGS.format(key="data-class"),
    ),
    Case(
        "function sending to a bucket through the global s3 host name",
        FUNCTION_ENV.format(dest='"https://kyc-export-us.s3.amazonaws.com/incoming/"'),
        COPY,
        "names no region and bucket 'kyc-export-us' is not in this stack",
        FUNCTION_ENV.format(dest=IN_STACK_GLOBAL_HOST),
    ),
    Case(
        "function sending to the european sovereign cloud",
        FUNCTION_ENV.format(dest='"https://kyc-export.s3.eusc-de-east-1.amazonaws.eu/incoming/"'),
        COPY,
        "customer-pii may not be copied ap-southeast-3 (id-jkt-1) -> eusc-de-east-1",
        FUNCTION_ENV.format(dest='docs.bucket.apply(lambda b: f"https://{b}.s3.ap-southeast-3.amazonaws.com/")'),
    ),
    Case(
        "function calling a global cross-region inference profile",
        FUNCTION_ENV.format(
            dest='"arn:aws:bedrock:ap-southeast-3:111122223333:inference-profile/'
            'global.anthropic.claude-sonnet-4-20250514-v1:0"'
        ),
        COPY,
        "cross-region inference profile global.anthropic.claude-sonnet-4-20250514-v1:0 sends each request",
        FUNCTION_ENV.format(
            dest='"arn:aws:bedrock:ap-southeast-3::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"'
        ),
    ),
    Case(
        "instance with base64 user data syncing to us-east-1",
        USER_DATA.format(
            resource="Instance",
            image="ami",
            prop="user_data_base64",
            pack="",
            dest="s3://kyc-mirror-us",
            region="us-east-1",
        ),
        COPY,
        "bucket 'kyc-mirror-us' is not in this stack",
        USER_DATA.format(
            resource="Instance", image="ami", prop="user_data_base64", pack="", dest="/data", region="ap-southeast-3"
        ),
    ),
    Case(
        "launch template with gzipped user data syncing to us-east-1",
        USER_DATA.format(
            resource="LaunchTemplate",
            image="image_id",
            prop="user_data",
            pack="gzip.compress",
            dest="s3://kyc-mirror-us",
            region="us-east-1",
        ),
        COPY,
        "bucket 'kyc-mirror-us' is not in this stack",
        USER_DATA.format(
            resource="LaunchTemplate",
            image="image_id",
            prop="user_data",
            pack="gzip.compress",
            dest="/data",
            region="ap-southeast-3",
        ),
    ),
    Case(
        "step functions http task posting to a partner",
        SFN_HTTP.format(endpoint="https://kyc-intake.partner.example.de/v1/customers"),
        COPY,
        "https://kyc-intake.partner.example.de/v1/customers is an endpoint outside AWS",
        SFN_HTTP.format(endpoint="https://abc123.execute-api.ap-southeast-3.amazonaws.com/prod/customers"),
    ),
]
