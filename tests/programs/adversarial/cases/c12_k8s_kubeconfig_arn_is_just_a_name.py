from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# The only EKS ARN in the kubeconfig is a cluster *name*; server URL and token region are eu-central-1.
KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1
  cluster:
    server: https://ABCDEF0123456789.gr7.eu-central-1.eks.amazonaws.com
    certificate-authority-data: LS0t
contexts:
- name: kyc
  context: {cluster: "arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1", user: kyc}
current-context: kyc
users:
- name: kyc
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --region, eu-central-1, --cluster-name, kyc-fra]
"""
fra = k8s.Provider("kyc", kubeconfig=KUBECONFIG)
k8s.apiextensions.CustomResource("pii-db", api_version="postgresql.cnpg.io/v1", kind="Cluster",
    metadata={"name": "kyc", "labels": {"quantumelixir.tech/data-class": "customer-pii"}},
    spec={"instances": 3, "storage": {"size": "100Gi"}}, opts=pulumi.ResourceOptions(provider=fra))
