from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# An honestly declared Singapore cluster; PII (labelled as such) stored in a Secret and a ConfigMap in etcd there.
sin = k8s.Provider("sin", cluster_identifier="arn:aws:eks:us-east-1:111122223333:cluster/kyc-us")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
k8s.core.v1.Secret("customers", metadata={"labels": PII}, string_data={"customers.csv": "nik,name\n3171,Budi\n"},
    opts=pulumi.ResourceOptions(provider=sin))
k8s.core.v1.ConfigMap("watch", metadata={"labels": PII}, data={"customers.csv": "nik,name\n3171,Budi\n"},
    opts=pulumi.ResourceOptions(provider=sin))
