"""A PostgreSQL instance with a random password in the default VPC's subnets (untagged, as examples are)."""
import pulumi
import pulumi_aws as aws
import pulumi_random as random

vpc = aws.ec2.get_vpc(default=True)
subnet_ids = aws.ec2.get_subnets(filters=[{"name": "vpc-id", "values": [vpc.id]}]).ids
group = aws.rds.SubnetGroup("db-subnets", subnet_ids=subnet_ids)
password = random.RandomPassword("password", length=16, special=True, override_special="_%@")
db = aws.rds.Instance("db", engine="postgres", instance_class="db.t4g.micro", allocated_storage=20,
                      db_subnet_group_name=group.name, username="admin_user", password=password.result,
                      skip_final_snapshot=True)
pulumi.export("endpoint", db.endpoint)
