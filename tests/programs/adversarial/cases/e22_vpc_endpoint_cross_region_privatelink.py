from prelude import *  # noqa: F403

# Cross-region PrivateLink: an interface endpoint in the Jakarta VPC whose service is in us-east-1
# (service_region). The PII Lambda sends records to the endpoint's DNS name (a Jakarta vpce host), which
# lands in a partner's service in us-east-1.
vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16", opts=opts())
sn = aws.ec2.Subnet("s", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="ap-southeast-3a", opts=opts())
ep = aws.ec2.VpcEndpoint("partner", vpc_id=vpc.id, vpc_endpoint_type="Interface", subnet_ids=[sn.id],
    service_name="com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", service_region="us-east-1", opts=opts())
aws.lambda_.Function("sender", runtime="python3.12", handler="h.h", role=role("fn").arn,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    vpc_config={"subnet_ids": [sn.id], "security_group_ids": []},
    environment={"variables": {"PARTNER_HOST": ep.dns_entries.apply(lambda d: d[0]["dns_name"] if d else "")}},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
