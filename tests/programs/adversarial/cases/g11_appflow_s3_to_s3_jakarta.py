from prelude import *  # noqa: F403

# Compliant: an AppFlow flow from one Jakarta PII bucket to another.
docs, _ = bucket("docs", "customer-pii")
curated, _ = bucket("curated", "customer-pii")
aws.appflow.Flow("curate", source_flow_config={"connector_type": "S3", "source_connector_properties": {"s3": {
    "bucket_name": docs.bucket, "bucket_prefix": "kyc"}}},
    destination_flow_configs=[{"connector_type": "S3", "destination_connector_properties": {"s3": {
        "bucket_name": curated.bucket, "s3_output_format_config": {"file_type": "CSV"}}}}],
    tasks=[{"task_type": "Map_all", "source_fields": [], "connector_operators": [{"s3": "NO_OP"}]}],
    trigger_config={"trigger_type": "OnDemand"}, tags={"data-class": "customer-pii", "collection": "onboarding"},
    opts=opts())
