from prelude import *  # noqa: F403

# DMS migrates the Jakarta PII database to a Postgres server abroad named by IP address (no scheme, no host name).
k = key("db-key", "customer-pii")
target = aws.dms.Endpoint("target", endpoint_id="partner-target", endpoint_type="target", engine_name="postgres",
    server_name="18.184.10.20", port=5432, database_name="kyc", username="u", password="p",
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
src_ep = aws.dms.Endpoint("source", endpoint_id="kyc-source", endpoint_type="source", engine_name="postgres",
    server_name="kyc-db.cluster-abc.ap-southeast-3.rds.amazonaws.com", port=5432, database_name="kyc",
    username="u", password="p", kms_key_arn=k.arn, tags={"data-class": "customer-pii", "collection": "onboarding"},
    opts=opts())
ri = aws.dms.ReplicationInstance("ri", replication_instance_id="kyc-ri", replication_instance_class="dms.t3.medium",
    allocated_storage=50, kms_key_arn=k.arn, tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.dms.ReplicationTask("migrate", replication_task_id="kyc-out", migration_type="full-load-and-cdc",
    replication_instance_arn=ri.replication_instance_arn, source_endpoint_arn=src_ep.endpoint_arn,
    target_endpoint_arn=target.endpoint_arn, table_mappings=json.dumps({"rules": [{"rule-type": "selection",
    "rule-id": "1", "rule-name": "1", "object-locator": {"schema-name": "public", "table-name": "%"},
    "rule-action": "include"}]}), tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
