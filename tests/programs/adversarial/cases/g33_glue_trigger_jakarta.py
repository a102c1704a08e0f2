from prelude import *  # noqa: F403

# Compliant: a trigger that starts the Jakarta job with the stack's Jakarta buckets, and one with no arguments.
docs, _ = bucket("docs", "customer-pii")
curated, _ = bucket("curated", "customer-pii")
job = aws.glue.Job("export", role_arn=role("gj", "glue.amazonaws.com").arn,
    command={"script_location": pulumi.Output.concat("s3://", docs.bucket, "/export.py")},
    default_arguments={"--source_bucket": docs.bucket}, tags={"data-class": "customer-pii", "collection": "onboarding"},
    opts=opts())
aws.glue.Trigger("nightly", type="SCHEDULED", schedule="cron(0 1 * * ? *)",
    actions=[{"job_name": job.name, "arguments": {"--export_bucket": curated.bucket}}], opts=opts())
aws.glue.Trigger("on-demand", type="ON_DEMAND", actions=[{"job_name": job.name}], opts=opts())
