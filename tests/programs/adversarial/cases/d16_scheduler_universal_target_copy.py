from prelude import *  # noqa: F403

# EventBridge Scheduler universal target (region-less ARN arn:aws:scheduler:::aws-sdk:s3:copyObject) copies the
# nightly PII export from the Jakarta bucket into an outside bucket named only by name in the input JSON.
docs, _ = bucket("docs", "customer-pii")
aws.scheduler.Schedule("nightly-copy", schedule_expression="cron(0 1 * * ? *)", flexible_time_window={"mode": "OFF"},
    target={"arn": "arn:aws:scheduler:::aws-sdk:s3:copyObject",
            "role_arn": role("sch", "scheduler.amazonaws.com").arn,
            "input": docs.bucket.apply(lambda b: json.dumps({"Bucket": "kyc-dr-frankfurt", "Key": "export.csv",
                                                              "CopySource": f"{b}/export.csv"}))}, opts=opts())
