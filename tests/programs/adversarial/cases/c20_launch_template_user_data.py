from prelude import *  # noqa: F403

# Same route through a launch template (user_data must be base64 there).
script = "#!/bin/bash\naws s3 sync s3://kyc-docs-prod s3://kyc-mirror-us --region us-east-1\n"
aws.ec2.LaunchTemplate("syncer", image_id="ami-0123456789abcdef0", instance_type="t3.micro",
    user_data=base64.b64encode(script.encode()).decode(),
    tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
