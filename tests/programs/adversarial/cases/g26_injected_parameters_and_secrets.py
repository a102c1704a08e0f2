from prelude import *  # noqa: F403

import json

# The partner bucket and host of d01/d07, injected into containers from Parameter Store and Secrets Manager: the
# definitions name only a Jakarta parameter or secret; the container sees EXPORT_BUCKET=partner-kyc-frankfurt.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
OPS = {"data-class": "ops-telemetry", "collection": "onboarding"}
docs, _ = bucket("docs", "customer-pii")
param = aws.ssm.Parameter("export-bucket", name="/kyc/export-bucket", type="String", value="partner-kyc-frankfurt",
    tags=OPS, opts=opts())
secret = aws.secretsmanager.Secret("partner", kms_key_id=key("sk", "customer-pii").arn, tags=PII, opts=opts())
aws.secretsmanager.SecretVersion("partner-v1", secret_id=secret.id,
    secret_string=json.dumps({"host": "intake.partner.example.de", "password": "x"}), opts=opts())
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1", "environment": [{"name": "SRC_BUCKET", "value": docs.bucket}],
        "secrets": [{"name": "EXPORT_BUCKET", "valueFrom": param.arn},
                    {"name": "PARTNER_HOST", "valueFrom": pulumi.Output.concat(secret.arn, ":host::")}]}]),
    tags=PII, opts=opts())
aws.codebuild.Project("report", service_role=role("cb", "codebuild.amazonaws.com").arn,
    artifacts={"type": "NO_ARTIFACTS"}, source={"type": "NO_SOURCE", "buildspec": "version: 0.2"},
    environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER",
        "environment_variables": [{"name": "SRC_BUCKET", "value": docs.bucket},
                                  {"name": "EXPORT_BUCKET", "value": "/kyc/export-bucket", "type": "PARAMETER_STORE"}]},
    tags=PII, opts=opts())
