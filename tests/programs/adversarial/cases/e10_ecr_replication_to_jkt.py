from prelude import *  # noqa: F403

# COMPLIANT: images are built into the us-east-1 registry and replicated into Jakarta; a Jakarta Lambda runs the
# replicated image (Lambda needs a same-region image).
iad = aws.Provider("iad", region="us-east-1")
aws.ecr.Repository("kyc-ocr-us", name="kyc-ocr", image_tag_mutability="IMMUTABLE",
    encryption_configurations=[{"encryption_type": "KMS", "kms_key": key("ik", "software-artifact", iad).arn}],
    tags={"data-class": "software-artifact", "collection": "onboarding"}, opts=opts(iad))
aws.ecr.ReplicationConfiguration("to-jkt", replication_configuration={"rules": [{
    "destinations": [{"region": "ap-southeast-3", "registry_id": "111122223333"}],
    "repository_filters": [{"filter": "kyc-", "filter_type": "PREFIX_MATCH"}]}]}, opts=opts(iad))
aws.ecr.Repository("kyc-ocr", name="kyc-ocr", image_tag_mutability="IMMUTABLE",
    encryption_configurations=[{"encryption_type": "KMS", "kms_key": key("jk", "software-artifact").arn}],
    tags={"data-class": "software-artifact", "collection": "onboarding"}, opts=opts())
aws.lambda_.Function("ocr", package_type="Image", role=role("fn").arn,
    image_uri="111122223333.dkr.ecr.ap-southeast-3.amazonaws.com/kyc-ocr:1.0.0",
    tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
