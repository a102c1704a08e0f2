from prelude import *  # noqa: F403

import json

# Restricted data opened to every AWS account in the world, which may then copy it to any region: an AMI of the
# PII volume launchable by all, an RDS snapshot shared with all, and a queue and topic whose policies allow "*".
PII = {"data-class": "customer-pii", "collection": "onboarding"}
vol = aws.ebs.Volume("v", availability_zone="ap-southeast-3a", size=10, encrypted=True, kms_key_id=key("vk", "customer-pii").arn,
    tags=PII, opts=opts())
snap = aws.ebs.Snapshot("snap", volume_id=vol.id, tags=PII, opts=opts())
ami = aws.ec2.Ami("img", root_device_name="/dev/xvda", ebs_block_devices=[{"device_name": "/dev/xvda", "snapshot_id": snap.id}],
    tags=PII, opts=opts())
aws.ec2.AmiLaunchPermission("public-ami", image_id=ami.id, group="all", opts=opts())
aws.rds.Snapshot("public-db-snap", db_instance_identifier="kyc-db", db_snapshot_identifier="kyc-db-export",
    shared_accounts=["all"], tags=PII, opts=opts())
q = aws.sqs.Queue("kyc-events", kms_master_key_id=key("qk", "customer-pii").arn, tags=PII, opts=opts())
EVERYONE = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
    "Action": ["sqs:ReceiveMessage", "sns:Subscribe"], "Resource": "*"}]})
aws.sqs.QueuePolicy("public-queue", queue_url=q.url, policy=EVERYONE, opts=opts())
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn, tags=PII, opts=opts())
aws.sns.TopicPolicy("public-topic", arn=t.arn, policy=EVERYONE, opts=opts())
