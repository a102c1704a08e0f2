from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Compliant: in-cluster aliases for a Jakarta RDS endpoint, another in-cluster service and a private address.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
o = pulumi.ResourceOptions(provider=jkt)
k8s.core.v1.Service("kyc-db", metadata={"name": "kyc-db", "namespace": "kyc"}, spec={"type": "ExternalName",
    "external_name": "kyc.cluster-abcdefghijkl.ap-southeast-3.rds.amazonaws.com"}, opts=o)
k8s.core.v1.Service("cache", metadata={"name": "cache", "namespace": "kyc"}, spec={"type": "ExternalName",
    "external_name": "valkey.platform.svc.cluster.local"}, opts=o)
k8s.core.v1.Service("legacy", metadata={"name": "legacy", "namespace": "kyc"}, spec={"ports": [{"port": 5432}]}, opts=o)
k8s.core.v1.Endpoints("legacy-ep", metadata={"name": "legacy", "namespace": "kyc"},
    subsets=[{"addresses": [{"ip": "10.20.3.4"}], "ports": [{"port": 5432}]}], opts=o)
