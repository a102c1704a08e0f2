from prelude import *  # noqa: F403

# Compliant: an ECS environment file of this stack naming the stack's Jakarta bucket and plain settings.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
docs, _ = bucket("docs", "customer-pii")
cfg, _ = bucket("cfg", "ops-telemetry")
aws.s3.BucketObjectv2("app-env", bucket=cfg.id, key="kyc/app.env",
    content=pulumi.Output.concat("EXPORT_BUCKET=", docs.bucket, "\nLOG_LEVEL=info\n"), opts=opts())
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1",
        "environmentFiles": [{"type": "s3", "value": pulumi.Output.concat("arn:aws:s3:::", cfg.bucket, "/kyc/app.env")}]}]),
    tags=PII, opts=opts())
