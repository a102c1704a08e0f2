from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# A Helm v4 chart (provider-side component) installing a PII database on a US cluster.
us = k8s.Provider("us", cluster_identifier="arn:aws:eks:us-east-1:111122223333:cluster/kyc-us")
k8s.helm.v4.Chart("pii-db", chart="oci://registry-1.docker.io/bitnamicharts/postgresql",
    values={"primary": {"podLabels": {"quantumelixir.tech/data-class": "customer-pii"}}},
    opts=pulumi.ResourceOptions(provider=us))
