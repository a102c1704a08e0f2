from prelude import *  # noqa: F403

# Compliant: a provider pinned to a version from Pulumi's own plugin source.
official = aws.Provider("official", region="ap-southeast-3",
    opts=pulumi.ResourceOptions(plugin_download_url="https://get.pulumi.com/releases/plugins/"))
q = aws.sqs.Queue("ops-events", kms_master_key_id=key("qk", "customer-pii", official).arn,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=pulumi.ResourceOptions(provider=official))
