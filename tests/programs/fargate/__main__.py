"""ECS Fargate service behind an ALB in the default VPC."""
import json

import pulumi
import pulumi_aws as aws

vpc = aws.ec2.get_vpc(default=True)
subnets = aws.ec2.get_subnets(filters=[{"name": "vpc-id", "values": [vpc.id]}])
sg = aws.ec2.SecurityGroup("web", vpc_id=vpc.id, ingress=[{"protocol": "tcp", "from_port": 80, "to_port": 80,
                                                           "cidr_blocks": ["0.0.0.0/0"]}],
                           egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])
cluster = aws.ecs.Cluster("cluster")
alb = aws.lb.LoadBalancer("app-lb", security_groups=[sg.id], subnets=subnets.ids)
tg = aws.lb.TargetGroup("app-tg", port=80, protocol="HTTP", target_type="ip", vpc_id=vpc.id)
listener = aws.lb.Listener("web", load_balancer_arn=alb.arn, port=80,
                           default_actions=[{"type": "forward", "target_group_arn": tg.arn}])
role = aws.iam.Role("task-exec-role", assume_role_policy=json.dumps({"Version": "2008-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
aws.iam.RolePolicyAttachment("task-exec", role=role.name,
                             policy_arn="arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
task = aws.ecs.TaskDefinition("app-task", family="fargate-task-definition", cpu="256", memory="512",
                              network_mode="awsvpc", requires_compatibilities=["FARGATE"], execution_role_arn=role.arn,
                              container_definitions=json.dumps([{"name": "my-app", "image": "nginx", "portMappings": [
                                  {"containerPort": 80, "hostPort": 80, "protocol": "tcp"}]}]))
aws.ecs.Service("app-svc", cluster=cluster.arn, desired_count=3, launch_type="FARGATE", task_definition=task.arn,
                network_configuration={"assign_public_ip": True, "subnets": subnets.ids, "security_groups": [sg.id]},
                load_balancers=[{"target_group_arn": tg.arn, "container_name": "my-app", "container_port": 80}],
                opts=pulumi.ResourceOptions(depends_on=[listener]))
pulumi.export("url", alb.dns_name)
