from prelude import *  # noqa: F403

# Jakarta resources managed by an "aws" provider plugin downloaded from a partner's server: the binary may create
# the table in Jakarta and copy it abroad; the pack reads it as Pulumi's aws provider. Both an explicit provider and
# a resource asking for its own default provider (plugin_download_url on the resource).
PII = {"data-class": "customer-pii", "collection": "onboarding"}
elsewhere = aws.Provider("elsewhere", region="ap-southeast-3",
    opts=pulumi.ResourceOptions(plugin_download_url="https://plugins.partner.example.de/", version="7.99.0"))
aws.sqs.Queue("kyc-events", kms_master_key_id="alias/kyc", tags=PII, opts=pulumi.ResourceOptions(provider=elsewhere))
aws.dynamodb.Table("kyc-table", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
    deletion_protection_enabled=True, tags=PII,
    opts=pulumi.ResourceOptions(plugin_download_url="https://plugins.partner.example.de/", version="7.99.1"))
