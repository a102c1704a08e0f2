from prelude import *  # noqa: F403

import json

# Compliant: a parameter holding the stack's Jakarta bucket, a secret holding only a password, and a password
# injected from a secret outside the stack.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
OPS = {"data-class": "ops-telemetry", "collection": "onboarding"}
docs, _ = bucket("docs", "customer-pii")
param = aws.ssm.Parameter("export-bucket", name="/kyc/export-bucket", type="String", value=docs.bucket, tags=OPS,
    opts=opts())
secret = aws.secretsmanager.Secret("db", kms_key_id=key("sk", "customer-pii").arn, tags=PII, opts=opts())
aws.secretsmanager.SecretVersion("db-v1", secret_id=secret.id, secret_string=json.dumps({"password": "x"}),
    opts=opts())
aws.ecs.TaskDefinition("ecs-export", family="kyc-export", requires_compatibilities=["FARGATE"], cpu="256",
    memory="512", network_mode="awsvpc", container_definitions=pulumi.Output.json_dumps([{
        "name": "app", "image": "ghcr.io/example/kyc:1",
        "secrets": [{"name": "EXPORT_BUCKET", "valueFrom": param.arn},
                    {"name": "DB_PASSWORD", "valueFrom": pulumi.Output.concat(secret.arn, ":password::")},
                    {"name": "API_TOKEN", "valueFrom": "arn:aws:secretsmanager:ap-southeast-3:111122223333:secret:tok"}]}]),
    tags=PII, opts=opts())
