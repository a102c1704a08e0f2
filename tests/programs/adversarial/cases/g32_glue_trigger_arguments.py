from prelude import *  # noqa: F403

# A Jakarta Glue job whose own arguments name only the Jakarta bucket; the nightly trigger that starts it overrides
# --export_bucket with a partner bucket. Triggers were control, so their arguments were never read.

docs, _ = bucket("docs", "customer-pii")
job = aws.glue.Job("export", role_arn=role("gj", "glue.amazonaws.com").arn,
    command={"script_location": pulumi.Output.concat("s3://", docs.bucket, "/export.py")},
    default_arguments={"--source_bucket": docs.bucket, "--export_bucket": docs.bucket},
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.glue.Trigger("nightly", type="SCHEDULED", schedule="cron(0 1 * * ? *)",
    actions=[{"job_name": job.name, "arguments": {"--export_bucket": "partner-kyc-frankfurt"}}], opts=opts())
