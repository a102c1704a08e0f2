from prelude import *  # noqa: F403

import json

# Compliant: {name, value} environments naming the stack's Jakarta bucket, a Jakarta database host and plain
# settings, and a state machine copying between the stack's buckets with only the key chosen at run time.
docs, _ = bucket("docs", "customer-pii")
curated, _ = bucket("curated", "customer-pii")
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1", "environment": [
            {"name": "SRC_BUCKET", "value": docs.bucket},
            {"name": "DB_HOST", "value": "kyc.cluster-abc.ap-southeast-3.rds.amazonaws.com"},
            {"name": "LOG_LEVEL", "value": "info"}, {"name": "SERVICE_NAME", "value": "kyc-export"}]}]),
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.sfn.StateMachine("copier", role_arn=role("sm", "states.amazonaws.com").arn, definition=pulumi.Output.json_dumps({
    "StartAt": "Copy", "States": {"Copy": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:copyObject",
        "End": True, "Parameters": {"Bucket": curated.bucket, "CopySource.$": pulumi.Output.format(
            "States.Format('{}/{{}}', $.key)", docs.bucket), "Key.$": "$.key"}}}}),
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
