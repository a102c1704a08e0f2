from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Compliant: a ConfigMap naming the stack's Jakarta bucket, an in-cluster service and plain settings, and a file
# volume from another ConfigMap, for a pinned Jakarta job.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
docs, _ = bucket("docs", "customer-pii")
k8s.core.v1.ConfigMap("export-settings", metadata={"name": "export-settings", "namespace": "kyc"},
    data={"EXPORT_BUCKET": docs.bucket, "API_URL": "http://kyc-api.kyc.svc.cluster.local", "LOG_LEVEL": "info"},
    opts=o)
k8s.core.v1.ConfigMap("export-files", metadata={"name": "export-files", "namespace": "kyc"},
    data={"columns.txt": "nik\nname\n"}, opts=o)
k8s.batch.v1.CronJob("kyc-export", metadata={"labels": PII, "namespace": "kyc"}, spec={"schedule": "0 1 * * *",
    "job_template": {"spec": {"template": {"metadata": {"labels": PII}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"}, "restart_policy": "Never",
        "volumes": [{"name": "files", "config_map": {"name": "export-files"}}],
        "containers": [{"name": "export", "image": "ghcr.io/example/kyc-export:1",
            "volume_mounts": [{"name": "files", "mount_path": "/etc/export"}],
            "env_from": [{"config_map_ref": {"name": "export-settings"}}]}]}}}}},
    opts=o)
