from prelude import *  # noqa: F403

# A Service Catalog product and a Serverless Application Repository application provisioned in Jakarta: their
# templates live in the catalogue / repository (here: a bucket replicating to a partner), not in the program.
aws.servicecatalog.ProvisionedProduct("kyc-store", product_id="prod-abcdefghijklm",
    provisioning_artifact_id="pa-abcdefghijklm",
    provisioning_parameters=[{"key": "Collection", "value": "onboarding"}], opts=opts())
aws.serverlessrepository.CloudFormationStack("kyc-app",
    application_id="arn:aws:serverlessrepo:ap-southeast-3:111122223333:applications/kyc-archiver",
    capabilities=["CAPABILITY_IAM"], opts=opts())
