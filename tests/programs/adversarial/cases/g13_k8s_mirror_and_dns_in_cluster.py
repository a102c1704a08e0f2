from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Compliant: requests mirrored to an in-cluster shadow service, a legacy name mapped to a private address, and
# names resolved by NodeLocal DNSCache (a link-local address on the node).
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.networking.v1.Ingress("kyc-ing", metadata={"namespace": "kyc", "annotations": {
    "nginx.ingress.kubernetes.io/mirror-target": "http://kyc-shadow.kyc.svc.cluster.local$request_uri"}},
    spec={"ingress_class_name": "nginx", "rules": [{"host": "kyc.example.co.id", "http": {"paths": [{
        "path": "/", "path_type": "Prefix", "backend": {"service": {"name": "kyc-api", "port": {"number": 80}}}}]}}]},
    opts=o)
k8s.apps.v1.Deployment("kyc-api", metadata={"labels": PII, "namespace": "kyc"}, spec={
    "selector": {"match_labels": {"app": "kyc"}},
    "template": {"metadata": {"labels": {"app": "kyc", **PII}}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"},
        "host_aliases": [{"ip": "10.20.3.4", "hostnames": ["legacy-core.internal"]}],
        "dns_policy": "None", "dns_config": {"nameservers": ["169.254.20.10"], "searches": ["kyc.svc.cluster.local"]},
        "containers": [{"name": "app", "image": "ghcr.io/example/kyc:1"}]}}}, opts=o)
