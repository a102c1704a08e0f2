from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Compliant: Mountpoint for S3 on the stack's Jakarta bucket, NFS on a private address, FSx in Jakarta.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
docs, _ = bucket("docs", "customer-pii")
k8s.core.v1.PersistentVolume("docs-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "node_affinity": {"required": {"node_selector_terms": [{"match_expressions": [
        {"key": "topology.kubernetes.io/region", "operator": "In", "values": ["ap-southeast-3"]}]}]}},
    "csi": {"driver": "s3.csi.aws.com", "volume_handle": "s3-csi-docs",
            "volume_attributes": {"bucketName": docs.bucket}}}, opts=o)
k8s.core.v1.PersistentVolume("scans-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "nfs": {"server": "10.20.3.4", "path": "/kyc"}}, opts=o)
k8s.core.v1.PersistentVolume("lustre-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "csi": {"driver": "fsx.csi.aws.com", "volume_handle": "fs-0123456789abcdef0",
            "volume_attributes": {"dnsname": "fs-0123456789abcdef0.fsx.ap-southeast-3.amazonaws.com", "mountname": "abc"}}}, opts=o)
