from prelude import *  # noqa: F403

# Step Functions distributed map: ItemReader lists the Jakarta PII bucket, ResultWriter writes every processed
# record to another bucket named by bare name in the ASL JSON (Bucket: "kyc-results-frankfurt").
docs, _ = bucket("docs", "customer-pii")
definition = docs.bucket.apply(lambda b: json.dumps({"StartAt": "Map", "States": {"Map": {
    "Type": "Map", "End": True,
    "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": b, "Prefix": "c/"}},
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": True}}},
    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                     "Parameters": {"Bucket": "kyc-results-frankfurt", "Prefix": "out"}}}}}))
aws.sfn.StateMachine("fanout", role_arn=role("sfn", "states.amazonaws.com").arn, definition=definition,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
