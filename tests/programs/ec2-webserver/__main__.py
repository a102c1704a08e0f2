"""An EC2 web server from the latest Amazon Linux AMI, plus a data source the gate does not know."""
import pulumi
import pulumi_aws as aws

ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"], filters=[{"name": "name", "values": ["al2023-ami-*"]}])
info = aws.ec2.get_instance_type(instance_type="t3.micro")
sg = aws.ec2.SecurityGroup("web-secgrp", ingress=[{"protocol": "tcp", "from_port": 80, "to_port": 80,
                                                   "cidr_blocks": ["0.0.0.0/0"]}])
server = aws.ec2.Instance("web-server", instance_type="t3.micro", vpc_security_group_ids=[sg.id], ami=ami.id,
                          user_data="#!/bin/bash\necho hello > index.html\nnohup python3 -m http.server 80 &")
aws.ebs.Volume("data", availability_zone=aws.get_availability_zones().names[0], size=10)
pulumi.export("publicIp", server.public_ip)
pulumi.export("vcpus", info.default_vcpus)
