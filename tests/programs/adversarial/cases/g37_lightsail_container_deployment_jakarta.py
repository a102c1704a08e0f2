from prelude import *  # noqa: F403

# Compliant: the deployment version's environment names the stack's Jakarta bucket and plain settings.
docs, _ = bucket("docs", "customer-pii")
svc = aws.lightsail.ContainerService("kyc", name="kyc", power="nano", scale=1,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.lightsail.ContainerServiceDeploymentVersion("kyc-v1", service_name=svc.name, containers=[{
    "container_name": "app", "image": "ghcr.io/example/kyc:1",
    "environment": {"EXPORT_BUCKET": docs.bucket, "LOG_LEVEL": "info"}}], opts=opts())
