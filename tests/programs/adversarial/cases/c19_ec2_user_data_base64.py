from prelude import *  # noqa: F403

# An instance in Jakarta whose (base64) boot script syncs the KYC bucket to a US bucket.
docs, _ = bucket("docs", "source-document")
script = "#!/bin/bash\naws s3 sync s3://kyc-docs-prod s3://kyc-mirror-us --region us-east-1\n"
aws.ec2.Instance("syncer", ami="ami-0123456789abcdef0", instance_type="t3.micro",
    user_data_base64=base64.b64encode(script.encode()).decode(),
    tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
