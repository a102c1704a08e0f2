from prelude import *  # noqa: F403

# ECS task (PII) with the syslog log driver sending to a hosted log service abroad over tcp+tls://.
defs = json.dumps([{"name": "api", "image": "111122223333.dkr.ecr.ap-southeast-3.amazonaws.com/kyc-api:1",
    "essential": True, "logConfiguration": {"logDriver": "syslog", "options": {
        "syslog-address": "tcp+tls://logs5.papertrailapp.com:12345"}}}])
aws.ecs.TaskDefinition("kyc-api", family="kyc-api", container_definitions=defs,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
