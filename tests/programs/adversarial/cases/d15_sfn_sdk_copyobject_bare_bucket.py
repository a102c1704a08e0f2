from prelude import *  # noqa: F403

# Step Functions AWS SDK integration s3:copyObject from the Jakarta PII bucket to a bucket named by bare name.
docs, _ = bucket("docs", "customer-pii")
definition = docs.bucket.apply(lambda b: json.dumps({"StartAt": "Copy", "States": {"Copy": {
    "Type": "Task", "End": True, "Resource": "arn:aws:states:::aws-sdk:s3:copyObject",
    "Parameters": {"Bucket": "kyc-dr-frankfurt", "Key.$": "$.key", "CopySource.$": f"States.Format('{b}/{{}}', $.key)"}}}}))
aws.sfn.StateMachine("copier", role_arn=role("sfn", "states.amazonaws.com").arn, definition=definition,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
