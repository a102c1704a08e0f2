from prelude import *  # noqa: F403

# An AWS Cloud Control (aws-native) bucket in Frankfurt, tagged customer-pii. Registered with the generic
# CustomResource so no extra package is needed; on the wire this is exactly what pulumi_aws_native.s3.Bucket
# with an aws-native provider in eu-central-1 sends to the engine.
native = pulumi.ProviderResource("aws-native", "fra-native", {"region": "eu-central-1"})
pulumi.CustomResource("aws-native:s3:Bucket", "pii-native", {
    "bucketName": "kyc-pii-native-fra",
    "tags": [{"key": "data-class", "value": "customer-pii"}]}, opts=pulumi.ResourceOptions(provider=native))
