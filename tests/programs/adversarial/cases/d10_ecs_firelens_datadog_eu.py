from prelude import *  # noqa: F403

# ECS task (KYC API, PII) ships container logs via FireLens to Datadog EU: Host has no scheme.
defs = json.dumps([
    {"name": "api", "image": "111122223333.dkr.ecr.ap-southeast-3.amazonaws.com/kyc-api:1", "essential": True,
     "logConfiguration": {"logDriver": "awsfirelens", "options": {
         "Name": "datadog", "Host": "http-intake.logs.datadoghq.eu", "TLS": "on", "provider": "ecs",
         "dd_service": "kyc-api", "apikey": "x"}}},
    {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": True,
     "firelensConfiguration": {"type": "fluentbit"}}])
aws.ecs.TaskDefinition("kyc-api", family="kyc-api", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
    cpu="256", memory="512", execution_role_arn=role("exec", "ecs-tasks.amazonaws.com").arn,
    container_definitions=defs, tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
