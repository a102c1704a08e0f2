from prelude import *  # noqa: F403

# Compliant: a customer-pii topic delivering to a Jakarta queue of the same class.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn, tags=PII, opts=opts())
q = aws.sqs.Queue("kyc-events", kms_master_key_id=key("qk", "customer-pii").arn, tags=PII, opts=opts())
aws.sns.TopicSubscription("to-queue", topic=t.arn, protocol="sqs", endpoint=q.arn, opts=opts())
