from prelude import *  # noqa: F403

import json

# The partner bucket as a line of an ECS environment file: an S3 object of this stack (EXPORT_BUCKET=...) the task
# loads into its environment; the task definition names only the Jakarta object, and another file outside the stack.

PII = {"data-class": "customer-pii", "collection": "onboarding"}
docs, _ = bucket("docs", "customer-pii")
cfg, _ = bucket("cfg", "ops-telemetry")
aws.s3.BucketObjectv2("app-env", bucket=cfg.id, key="kyc/app.env",
    content="EXPORT_BUCKET=partner-kyc-frankfurt\nLOG_LEVEL=info\n", opts=opts())
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1", "environment": [{"name": "SRC_BUCKET", "value": docs.bucket}],
        "environmentFiles": [{"type": "s3", "value": pulumi.Output.concat("arn:aws:s3:::", cfg.bucket, "/kyc/app.env")}]}]),
    tags=PII, opts=opts())
aws.ecs.TaskDefinition("ecs-import", family="kyc-import", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=json.dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1",
        "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::shared-config-kyc/import.env"}]}]),
    tags=PII, opts=opts())
