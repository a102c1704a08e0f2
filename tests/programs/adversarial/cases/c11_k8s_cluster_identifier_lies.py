from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# clusterIdentifier is a free-form label; the kubeconfig actually talks to an EKS cluster in Frankfurt.
fra = k8s.Provider("kyc", kubeconfig=FRANKFURT_KUBECONFIG,
    cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
k8s.apiextensions.CustomResource("pii-db", api_version="postgresql.cnpg.io/v1", kind="Cluster",
    metadata={"name": "kyc", "labels": {"quantumelixir.tech/data-class": "customer-pii"}},
    spec={"instances": 3, "storage": {"size": "100Gi"}}, opts=pulumi.ResourceOptions(provider=fra))
