from prelude import *  # noqa: F403

# Customer-pii notifications e-mailed to an address abroad.
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.sns.TopicSubscription("dpo", topic=t.arn, protocol="email", endpoint="kyc-review@partner.example.de", opts=opts())
