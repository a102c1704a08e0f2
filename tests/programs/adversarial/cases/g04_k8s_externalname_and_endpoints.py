from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Jakarta cluster, pinned pods. The app posts customer records to an in-cluster service name, which is an
# ExternalName alias for a partner host in Frankfurt: the URL looks local (svc.cluster.local), the DNS is not.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
k8s.core.v1.Service("partner-export", metadata={"name": "partner-export", "namespace": "kyc"},
    spec={"type": "ExternalName", "external_name": "kyc-intake.partner.example.de"}, opts=pulumi.ResourceOptions(provider=jkt))
k8s.apps.v1.Deployment("kyc-api", metadata={"labels": PII, "namespace": "kyc"}, spec={
    "selector": {"match_labels": {"app": "kyc"}},
    "template": {"metadata": {"labels": {"app": "kyc", **PII}}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"},
        "containers": [{"name": "app", "image": "ghcr.io/example/kyc:1",
            "env": [{"name": "EXPORT_URL", "value": "https://partner-export.kyc.svc.cluster.local/upload"}]}]}}},
    opts=pulumi.ResourceOptions(provider=jkt))
# The same through a selector-less Service and hand-written Endpoints / EndpointSlice at a public address abroad.
k8s.core.v1.Service("partner-sftp", metadata={"name": "partner-sftp", "namespace": "kyc"},
    spec={"ports": [{"port": 22}]}, opts=pulumi.ResourceOptions(provider=jkt))
k8s.core.v1.Endpoints("partner-sftp-ep", metadata={"name": "partner-sftp", "namespace": "kyc"},
    subsets=[{"addresses": [{"ip": "85.214.132.117"}], "ports": [{"port": 22}]}], opts=pulumi.ResourceOptions(provider=jkt))
k8s.discovery.v1.EndpointSlice("partner-sftp-slice", metadata={"name": "partner-sftp-1", "namespace": "kyc",
    "labels": {"kubernetes.io/service-name": "partner-sftp"}}, address_type="FQDN",
    endpoints=[{"addresses": ["sftp.partner.example.de"]}], ports=[{"port": 22}], opts=pulumi.ResourceOptions(provider=jkt))
