from prelude import *  # noqa: F403

# Compliant: a Storage Gateway whose appliance is an EC2 instance of the stack in Jakarta, a Fargate service, and a
# volume in a Jakarta zone.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
vm = aws.ec2.Instance("gw-vm", ami="ami-123", instance_type="m5.xlarge", tags=PII, opts=opts())
aws.storagegateway.Gateway("kyc-gw", gateway_name="kyc-gw", gateway_timezone="GMT+7:00", gateway_type="FILE_S3",
    gateway_ip_address=vm.private_ip, tags=PII, opts=opts())
cluster = aws.ecs.Cluster("kyc", tags=PII, opts=opts())
td = aws.ecs.TaskDefinition("kyc-task", family="kyc", requires_compatibilities=["FARGATE"], cpu="256", memory="512",
    network_mode="awsvpc", container_definitions='[{"name":"a","image":"ghcr.io/example/kyc:1"}]', tags=PII,
    opts=opts())
aws.ecs.Service("kyc-svc", cluster=cluster.arn, task_definition=td.arn, launch_type="FARGATE", desired_count=1,
    network_configuration={"subnets": ["subnet-1"]}, tags=PII, opts=opts())
aws.ebs.Volume("vol", availability_zone="ap-southeast-3a", size=100, encrypted=True,
    kms_key_id=key("vk", "customer-pii").arn, tags=PII, opts=opts())
