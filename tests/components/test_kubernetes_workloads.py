"""The Jakarta cluster's workloads: labelled, pinned to ap-southeast-3, on a region-pinned StorageClass."""

from residency.facts.resource import ResourceFacts
from tests.components.conftest import one_for

REGION = {"topology.kubernetes.io/region": "ap-southeast-3"}


def test_watchlist_sync_is_a_daily_pinned_cronjob(jakarta: list[ResourceFacts]) -> None:
    job = one_for(jakarta, "kubernetes:batch/v1:CronJob", "watchlist-sync")
    assert job.props["spec"]["schedule"] == "0 1 * * *"
    pod = job.props["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == REGION
    command = pod["containers"][0]["command"]
    assert (
        command[:3] == ["aws", "s3", "sync"] and "watchlist-source" in command[-2] and "watchlist-served" in command[-1]
    )
    assert job.data_class is not None and job.data_class.value == "watchlist" and job.region == "ap-southeast-3"


def test_webhook_dispatcher_consumes_the_jakarta_outbox(jakarta: list[ResourceFacts]) -> None:
    dep = one_for(jakarta, "kubernetes:apps/v1:Deployment", "onboarding-webhooks")
    container = dep.props["spec"]["template"]["spec"]["containers"][0]
    queue = next(e["value"] for e in container["env"] if e["name"] == "OUTBOX_QUEUE_URL")
    assert queue.startswith("https://sqs.ap-southeast-3.amazonaws.com/")
    assert dep.props["spec"]["template"]["spec"]["nodeSelector"] == REGION


def test_log_shippers_ship_to_same_region_sinks(jakarta: list[ResourceFacts]) -> None:
    shippers = [f for f in jakarta if f.type == "kubernetes:apps/v1:DaemonSet"]
    assert {f.data_class.value for f in shippers if f.data_class} == {"api-log", "audit-log"}
    for f in shippers:
        env = {e["name"]: e["value"] for e in f.props["spec"]["template"]["spec"]["containers"][0]["env"]}
        assert env["AWS_REGION"] == "ap-southeast-3" and env["LOG_GROUP_NAME"].startswith("/residency/")


def test_namespaces_are_labelled_and_storage_is_pinned(jakarta: list[ResourceFacts]) -> None:
    namespaces = [f for f in jakarta if f.type == "kubernetes:core/v1:Namespace"]
    assert namespaces and all(f.data_class is not None for f in namespaces)
    sc = one_for(jakarta, "kubernetes:storage.k8s.io/v1:StorageClass", "customer-pii")
    assert sc.props["allowedTopologies"] == [
        {"matchLabelExpressions": [{"key": "topology.kubernetes.io/region", "values": ["ap-southeast-3"]}]}
    ]
    assert sc.props["parameters"]["kmsKeyId"].startswith("arn:aws:kms:ap-southeast-3:")


def test_export_guard_blocks_exports_from_outside_indonesia(jakarta: list[ResourceFacts]) -> None:
    acl = one_for(jakarta, "aws:wafv2/webAcl:WebAcl", "dashboard-export-guard")
    rule = acl.props["rules"][0]
    assert rule["action"] == {"block": {}}
    geo = rule["statement"]["andStatement"]["statements"][1]["notStatement"]["statement"]["geoMatchStatement"]
    assert geo == {"countryCodes": ["ID"]}
    assoc = one_for(jakarta, "aws:wafv2/webAclAssociation:WebAclAssociation", "dashboard-export-guard")
    assert assoc.props["resourceArn"].startswith("arn:aws:elasticloadbalancing:ap-southeast-3:")
