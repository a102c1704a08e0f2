from prelude import *  # noqa: F403

# The partner bucket and hosts of d01/d07, kept one object away: in a ConfigMap the export job takes its whole
# environment from (envFrom), and in a Secret one variable comes from (valueFrom). Configuration objects are
# control, so their entries were never read.

import pulumi_kubernetes as k8s
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.core.v1.ConfigMap("export-settings", metadata={"name": "export-settings", "namespace": "kyc"},
    data={"EXPORT_BUCKET": "partner-kyc-frankfurt", "PARTNER_HOST": "intake.partner.example.de"}, opts=o)
k8s.core.v1.Secret("export-creds", metadata={"name": "export-creds", "namespace": "kyc"},
    string_data={"SFTP_HOST": "sftp.partner.example.de"}, opts=o)
k8s.core.v1.Secret("export-b64", metadata={"name": "export-b64", "namespace": "kyc"},
    data={"ARCHIVE_BUCKET": "cGFydG5lci1reWMtYXJjaGl2ZQ=="}, opts=o)  # base64 of partner-kyc-archive
k8s.batch.v1.CronJob("kyc-export", metadata={"labels": PII, "namespace": "kyc"}, spec={"schedule": "0 1 * * *",
    "job_template": {"spec": {"template": {"metadata": {"labels": PII}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"}, "restart_policy": "Never",
        "containers": [{"name": "export", "image": "ghcr.io/example/kyc-export:1",
            "env_from": [{"config_map_ref": {"name": "export-settings"}}, {"secret_ref": {"name": "export-b64"}}],
            "env": [{"name": "SFTP", "value_from": {"secret_key_ref": {"name": "export-creds", "key": "SFTP_HOST"}}}]}]}}}}},
    opts=o)
