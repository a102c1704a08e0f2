from prelude import *  # noqa: F403

# A Lightsail container service in Jakarta whose containers are defined by a deployment version (a separate
# resource the catalogue called control): their environment names a partner export bucket.
svc = aws.lightsail.ContainerService("kyc", name="kyc", power="nano", scale=1,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.lightsail.ContainerServiceDeploymentVersion("kyc-v1", service_name=svc.name, containers=[{
    "container_name": "app", "image": "ghcr.io/example/kyc:1",
    "environment": {"EXPORT_BUCKET": "partner-kyc-frankfurt"}}], opts=opts())
