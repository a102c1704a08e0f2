from prelude import *  # noqa: F403

import json

# Compliant: an AMI shared with one account, a snapshot shared with one account, and a topic policy that lets
# everyone publish only from this account (a condition narrows "*").
PII = {"data-class": "customer-pii", "collection": "onboarding"}
vol = aws.ebs.Volume("v", availability_zone="ap-southeast-3a", size=10, encrypted=True, kms_key_id=key("vk", "customer-pii").arn,
    tags=PII, opts=opts())
snap = aws.ebs.Snapshot("snap", volume_id=vol.id, tags=PII, opts=opts())
ami = aws.ec2.Ami("img", root_device_name="/dev/xvda", ebs_block_devices=[{"device_name": "/dev/xvda", "snapshot_id": snap.id}],
    tags=PII, opts=opts())
aws.ec2.AmiLaunchPermission("dr-account", image_id=ami.id, account_id="444455556666", opts=opts())
aws.rds.Snapshot("db-snap", db_instance_identifier="kyc-db", db_snapshot_identifier="kyc-db-export",
    shared_accounts=["444455556666"], tags=PII, opts=opts())
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn, tags=PII, opts=opts())
aws.sns.TopicPolicy("own-account", arn=t.arn, policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}), opts=opts())
