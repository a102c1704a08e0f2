from prelude import *  # noqa: F403

import pulumi_kubernetes as k8s
# Compliant: fluent-bit shipping to CloudWatch Logs in Jakarta, and user data whose settings name private and
# in-cluster hosts.
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.core.v1.ConfigMap("fluent-bit", metadata={"name": "fluent-bit", "namespace": "logging"}, data={"fluent-bit.conf": """[INPUT]
    Name tail
    Path /var/log/containers/kyc-*.log

[OUTPUT]
    Name              cloudwatch_logs
    Match             *
    region            ap-southeast-3
    log_group_name    /kyc/app
    log_stream_prefix fb-
"""}, opts=o)
k8s.apps.v1.DaemonSet("log-shipper", metadata={"labels": PII, "namespace": "logging"}, spec={
    "selector": {"match_labels": {"app": "fb"}},
    "template": {"metadata": {"labels": {"app": "fb", **PII}}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"},
        "volumes": [{"name": "cfg", "config_map": {"name": "fluent-bit"}}],
        "containers": [{"name": "fb", "image": "fluent/fluent-bit:3.0",
                        "volume_mounts": [{"name": "cfg", "mount_path": "/fluent-bit/etc"}]}]}}},
    opts=o)
aws.ec2.Instance("syncer", ami="ami-123", instance_type="t3.small", user_data="""#!/bin/bash
cat > /etc/kyc.conf <<EOF2
host = 10.20.3.4
cache_host: valkey.platform.svc.cluster.local
log_level = info
EOF2
""", tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
