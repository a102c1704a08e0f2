"""A service wiring existing infrastructure found through data sources: DNS zone, registry, key, bucket."""
import pulumi
import pulumi_aws as aws

partition = aws.get_partition()
zone = aws.route53.get_zone(name="example.com.")
token = aws.ecr.get_authorization_token()
key = aws.kms.get_key(key_id="alias/app")
logs = aws.s3.get_bucket(bucket="acme-central-logs")
subnet = aws.ec2.get_subnet(id=aws.ec2.get_subnets().ids[1])
amis = aws.ec2.get_ami_ids(owners=["amazon"], filters=[{"name": "name", "values": ["al2023-ami-*"]}])
repo = aws.ecr.Repository("app", tags={"data-class": "software-artifact"})
aws.route53.Record("app", zone_id=zone.zone_id, name="app.example.com", type="CNAME", ttl=300,
                   records=[repo.repository_url])
pulumi.export("partition", partition.partition)
pulumi.export("registry", token.proxy_endpoint)
pulumi.export("keyArn", key.arn)
pulumi.export("logsRegion", logs.region)
pulumi.export("subnetZone", subnet.availability_zone)
pulumi.export("amis", len(amis.ids))
pulumi.export("zoneArn", zone.arn)
