from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# The only EKS ARN in the kubeconfig is a cluster *name*; server URL and token region are eu-central-1.
fra = k8s.Provider("kyc", kubeconfig=FRANKFURT_KUBECONFIG)
k8s.apiextensions.CustomResource("pii-db", api_version="postgresql.cnpg.io/v1", kind="Cluster",
    metadata={"name": "kyc", "labels": {"quantumelixir.tech/data-class": "customer-pii"}},
    spec={"instances": 3, "storage": {"size": "100Gi"}}, opts=pulumi.ResourceOptions(provider=fra))
