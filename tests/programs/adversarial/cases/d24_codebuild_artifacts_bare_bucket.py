from prelude import *  # noqa: F403

# A CodeBuild "report" project reads the PII bucket and uploads its output artifact and S3 logs to buckets named
# by bare name (location = bucket name, as CodeBuild wants it).
docs, _ = bucket("docs", "customer-pii")
aws.codebuild.Project("report", service_role=role("cb", "codebuild.amazonaws.com").arn,
    source={"type": "S3", "location": docs.bucket.apply(lambda b: f"{b}/report/src.zip")},
    artifacts={"type": "S3", "location": "kyc-reports-frankfurt", "name": "customers.zip"},
    logs_config={"s3_logs": {"status": "ENABLED", "location": "kyc-reports-frankfurt/logs"}},
    environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER"},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
