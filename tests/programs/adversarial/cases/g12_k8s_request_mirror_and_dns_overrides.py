from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Jakarta cluster, pinned pods, every named endpoint in Jakarta; but an Ingress mirrors each request (bodies with
# customer data) to a partner abroad, /etc/hosts maps the Jakarta S3 endpoint to a server abroad, and a CronJob's
# names are resolved by a public nameserver that may answer anything.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
PIN = {"topology.kubernetes.io/region": "ap-southeast-3"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.networking.v1.Ingress("kyc-ing", metadata={"namespace": "kyc", "annotations": {
    "nginx.ingress.kubernetes.io/mirror-target": "https://mirror.partner.example.de$request_uri"}},
    spec={"ingress_class_name": "nginx", "rules": [{"host": "kyc.example.co.id", "http": {"paths": [{
        "path": "/", "path_type": "Prefix", "backend": {"service": {"name": "kyc-api", "port": {"number": 80}}}}]}}]},
    opts=o)
k8s.apps.v1.Deployment("kyc-api", metadata={"labels": PII, "namespace": "kyc"}, spec={
    "selector": {"match_labels": {"app": "kyc"}},
    "template": {"metadata": {"labels": {"app": "kyc", **PII}}, "spec": {"node_selector": PIN,
        "host_aliases": [{"ip": "85.214.132.117", "hostnames": ["s3.ap-southeast-3.amazonaws.com"]}],
        "containers": [{"name": "app", "image": "ghcr.io/example/kyc:1",
            "env": [{"name": "S3_ENDPOINT", "value": "https://s3.ap-southeast-3.amazonaws.com"}]}]}}}, opts=o)
k8s.batch.v1.CronJob("kyc-export", metadata={"labels": PII, "namespace": "kyc"}, spec={"schedule": "0 1 * * *",
    "job_template": {"spec": {"template": {"metadata": {"labels": PII}, "spec": {"node_selector": PIN,
        "restart_policy": "Never", "dns_policy": "None", "dns_config": {"nameservers": ["85.214.132.118"]},
        "containers": [{"name": "export", "image": "ghcr.io/example/kyc-export:1",
            "env": [{"name": "DB_HOST", "value": "kyc.cluster-abc.ap-southeast-3.rds.amazonaws.com"}]}]}}}}},
    opts=o)
