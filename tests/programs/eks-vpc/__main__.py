"""An EKS cluster in its own VPC, one subnet per availability zone."""
import json

import pulumi
import pulumi_aws as aws

zones = aws.get_availability_zones(state="available")
vpc = aws.ec2.Vpc("eks-vpc", cidr_block="10.100.0.0/16", enable_dns_hostnames=True)
subnets = [aws.ec2.Subnet(f"eks-subnet-{i}", vpc_id=vpc.id, cidr_block=f"10.100.{i}.0/24", availability_zone=zone,
                          map_public_ip_on_launch=True) for i, zone in enumerate(zones.names)]
role = aws.iam.Role("eks-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Action": "sts:AssumeRole", "Principal": {"Service": "eks.amazonaws.com"}, "Effect": "Allow"}]}))
aws.iam.RolePolicyAttachment("eks-policy", role=role.name, policy_arn="arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")
cluster = aws.eks.Cluster("eks", role_arn=role.arn, vpc_config={"subnet_ids": [s.id for s in subnets]})
node_role = aws.iam.Role("node-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}, "Effect": "Allow"}]}))
aws.eks.NodeGroup("nodes", cluster_name=cluster.name, node_role_arn=node_role.arn, subnet_ids=[s.id for s in subnets],
                  scaling_config={"desired_size": 2, "min_size": 1, "max_size": 3})
pulumi.export("endpoint", cluster.endpoint)
pulumi.export("zones", zones.names)
