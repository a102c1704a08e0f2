from prelude import *  # noqa: F403

# Account-wide subscription filter policy: every log group in Jakarta streams to a Firehose in us-east-1.
aws.cloudwatch.LogAccountPolicy("all-logs", policy_name="ship", policy_type="SUBSCRIPTION_FILTER_POLICY",
    policy_document=json.dumps({"DestinationArn": "arn:aws:firehose:us-east-1:111122223333:deliverystream/ship",
                                "FilterPattern": "", "Distribution": "Random"}), opts=opts())
