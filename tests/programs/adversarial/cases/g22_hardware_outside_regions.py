from prelude import *  # noqa: F403

# Managed from Jakarta, held elsewhere: an ECS Anywhere service and task definition (tasks on servers registered
# from any country), a Storage Gateway whose cache is on an appliance VM abroad, and an EBS volume and an instance
# on an Outposts rack (anchored to Jakarta, installed wherever the rack stands).

PII = {"data-class": "customer-pii", "collection": "onboarding"}
cluster = aws.ecs.Cluster("kyc", tags=PII, opts=opts())
td = aws.ecs.TaskDefinition("kyc-task", family="kyc", requires_compatibilities=["EXTERNAL"], container_definitions='[{"name":"a","image":"ghcr.io/example/kyc:1","memory":256}]',
    tags=PII, opts=opts())
aws.ecs.Service("kyc-svc", cluster=cluster.arn, task_definition=td.arn, launch_type="EXTERNAL", desired_count=1, tags=PII, opts=opts())
aws.storagegateway.Gateway("kyc-gw", gateway_name="kyc-gw", gateway_timezone="GMT+7:00", gateway_type="FILE_S3",
    gateway_ip_address="85.214.132.117", tags=PII, opts=opts())
aws.ebs.Volume("outpost-vol", availability_zone="ap-southeast-3a", size=100, encrypted=True, kms_key_id=key("vk", "customer-pii").arn,
    outpost_arn="arn:aws:outposts:ap-southeast-3:111122223333:outpost/op-0123456789abcdef0", tags=PII, opts=opts())
sub = aws.ec2.Subnet("op-subnet", vpc_id="vpc-123", cidr_block="10.0.9.0/24", availability_zone="ap-southeast-3a",
    outpost_arn="arn:aws:outposts:ap-southeast-3:111122223333:outpost/op-0123456789abcdef0", opts=opts())
aws.ec2.Instance("op-worker", ami="ami-123", instance_type="m5.large", subnet_id=sub.id, tags=PII, opts=opts())
