from prelude import *  # noqa: F403

# A GCP bucket in europe-west3 labelled customer-pii (generic CustomResource with the gcp token; same wire shape
# as pulumi_gcp.storage.Bucket).
gcp = pulumi.ProviderResource("gcp", "gcp", {"project": "kyc-dr", "region": "europe-west3"})
pulumi.CustomResource("gcp:storage/bucket:Bucket", "pii-gcs", {
    "name": "kyc-pii-dr", "location": "EUROPE-WEST3",
    "labels": {"data-class": "customer-pii"}}, opts=pulumi.ResourceOptions(provider=gcp))
