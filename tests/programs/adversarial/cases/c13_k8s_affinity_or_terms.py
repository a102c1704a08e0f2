from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Jakarta cluster. nodeSelectorTerms are ORed: the second term lets the pod run on any linux node in any region.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
k8s.apps.v1.Deployment("kyc-api", metadata={"labels": PII}, spec={
    "selector": {"match_labels": {"app": "kyc"}},
    "template": {"metadata": {"labels": {"app": "kyc", **PII}}, "spec": {
        "containers": [{"name": "app", "image": "ghcr.io/example/kyc:1"}],
        "affinity": {"node_affinity": {"required_during_scheduling_ignored_during_execution": {
            "node_selector_terms": [
                {"match_expressions": [{"key": "topology.kubernetes.io/region", "operator": "In",
                                        "values": ["ap-southeast-3"]}]},
                {"match_expressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]}]},
            ]}}}}}}, opts=pulumi.ResourceOptions(provider=jkt))
