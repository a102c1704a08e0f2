from prelude import *  # noqa: F403

# COMPLIANT: the KYC API runs on Fargate in Jakarta; its image is built and kept in the us-east-1 ECR (software
# artefacts may live there); container logs go to a Jakarta log group via awslogs.
lk = key("log-key", "api-log")
logs = aws.cloudwatch.LogGroup("api-logs", name="/ecs/kyc-api", retention_in_days=90, kms_key_id=lk.arn,
    tags={"data-class": "api-log", "collection": "onboarding"}, opts=opts())
defs = logs.name.apply(lambda g: json.dumps([{
    "name": "api", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/kyc-api:1.4.2", "essential": True,
    "portMappings": [{"containerPort": 8080}],
    "logConfiguration": {"logDriver": "awslogs", "options": {
        "awslogs-group": g, "awslogs-region": "ap-southeast-3", "awslogs-stream-prefix": "api"}}}]))
aws.ecs.TaskDefinition("kyc-api", family="kyc-api", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
    cpu="512", memory="1024", execution_role_arn=role("exec", "ecs-tasks.amazonaws.com").arn,
    task_role_arn=role("task", "ecs-tasks.amazonaws.com").arn, container_definitions=defs,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
