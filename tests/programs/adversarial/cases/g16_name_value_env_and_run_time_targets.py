from prelude import *  # noqa: F403

import json
import pulumi_kubernetes as k8s

# The bare partner bucket of d01, but in the {name, value} environment lists of ECS and Kubernetes (the key of the
# value is "value"; its name says EXPORT_BUCKET); and a state machine whose copy destination is chosen at run time
# from its input ("Bucket.$": "$.target").
docs, _ = bucket("docs", "customer-pii")
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1", "environment": [
            {"name": "SRC_BUCKET", "value": docs.bucket}, {"name": "EXPORT_BUCKET", "value": "partner-kyc-frankfurt"}]}]),
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
jkt = k8s.Provider("jkt", cluster_identifier="arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1")
PII = {"quantumelixir.tech/data-class": "customer-pii"}
k8s.batch.v1.CronJob("k8s-export", metadata={"labels": PII, "namespace": "kyc"}, spec={"schedule": "0 1 * * *",
    "job_template": {"spec": {"template": {"metadata": {"labels": PII}, "spec": {
        "node_selector": {"topology.kubernetes.io/region": "ap-southeast-3"}, "restart_policy": "Never",
        "containers": [{"name": "export", "image": "ghcr.io/example/kyc-export:1",
            "env": [{"name": "EXPORT_BUCKET", "value": "partner-kyc-frankfurt"}]}]}}}}},
    opts=pulumi.ResourceOptions(provider=jkt))
aws.sfn.StateMachine("copier", role_arn=role("sm", "states.amazonaws.com").arn, definition=json.dumps({
    "StartAt": "Copy", "States": {"Copy": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:copyObject",
        "End": True, "Parameters": {"Bucket.$": "$.target", "CopySource.$": "$.source", "Key.$": "$.key"}}}}),
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
