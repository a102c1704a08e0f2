from prelude import *  # noqa: F403

# The partner host as a line of a settings file, not a URL: a fluent-bit configuration the Jakarta log shipper
# mounts from a ConfigMap (`Host logs.partner.example.de`), and an rclone configuration written by user data.

import pulumi_kubernetes as k8s
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
o = pulumi.ResourceOptions(provider=jkt)
k8s.core.v1.ConfigMap("fluent-bit", metadata={"name": "fluent-bit", "namespace": "logging"}, data={"fluent-bit.conf": """[INPUT]
    Name tail
    Path /var/log/containers/kyc-*.log

[OUTPUT]
    Name  http
    Match *
    Host  logs.partner.example.de
    Port  443
    tls   On
"""}, opts=o)
k8s.apps.v1.DaemonSet("log-shipper", metadata={"labels": PII, "namespace": "logging"}, spec={
    "selector": {"match_labels": {"app": "fb"}},
    "template": {"metadata": {"labels": {"app": "fb", **PII}}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"},
        "volumes": [{"name": "cfg", "config_map": {"name": "fluent-bit"}}],
        "containers": [{"name": "fb", "image": "fluent/fluent-bit:3.0", "volume_mounts": [{"name": "cfg", "mount_path": "/fluent-bit/etc"}]}]}}},
    opts=o)
aws.ec2.Instance("syncer", ami="ami-123", instance_type="t3.small", user_data="""#!/bin/bash
cat > /etc/rclone.conf <<EOF2
[partner]
type = sftp
host = sftp.partner.example.de
EOF2
rclone sync /data/kyc partner:/incoming
""", tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
