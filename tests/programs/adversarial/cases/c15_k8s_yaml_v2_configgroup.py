from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Workloads and a PVC inside a yaml/v2 ConfigGroup (a provider-side component) on a US cluster.
us = k8s.Provider("us", cluster_identifier="arn:aws:eks:us-east-1:111122223333:cluster/kyc-us")
k8s.yaml.v2.ConfigGroup("pii", yaml="""
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pii, labels: {quantumelixir.tech/data-class: customer-pii}}
spec: {accessModes: [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 10Gi}}}
""", opts=pulumi.ResourceOptions(provider=us))
