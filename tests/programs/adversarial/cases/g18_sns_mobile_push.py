from prelude import *  # noqa: F403

# Customer-pii notifications pushed to phones: the subscription's endpoint is a Jakarta platform-endpoint ARN, but
# every message goes through Google's push service (FCM), outside AWS.
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.sns.PlatformApplication("push", name="kyc-push", platform="GCM", platform_credential="AAAA", opts=opts())
aws.sns.TopicSubscription("to-phones", topic=t.arn, protocol="application",
    endpoint="arn:aws:sns:ap-southeast-3:111122223333:endpoint/GCM/kyc-push/0f0e", opts=opts())
