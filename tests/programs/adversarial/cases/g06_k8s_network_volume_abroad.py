from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Volumes in the Jakarta cluster whose bytes land elsewhere: Mountpoint for S3 on a partner's bucket, an NFS server
# abroad, an SMB share through csi-driver-smb. The volumes are "in the cluster"; their data is not.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.core.v1.PersistentVolume("exports-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "claim_ref": {"namespace": "kyc", "name": "exports"}, "mount_options": ["allow-delete"],
    "csi": {"driver": "s3.csi.aws.com", "volume_handle": "s3-csi-exports",
            "volume_attributes": {"bucketName": "partner-kyc-exports"}}}, opts=o)
k8s.core.v1.PersistentVolume("scans-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "nfs": {"server": "nfs.partner.example.de", "path": "/kyc"}}, opts=o)
k8s.core.v1.PersistentVolume("share-pv", metadata={"labels": PII}, spec={
    "capacity": {"storage": "1Ti"}, "access_modes": ["ReadWriteMany"], "storage_class_name": "",
    "csi": {"driver": "smb.csi.k8s.io", "volume_handle": "share",
            "volume_attributes": {"source": "//files.partner.example.de/kyc"}}}, opts=o)
