from prelude import *  # noqa: F403

import json

# CloudFormation stacks in Jakarta whose templates are not in the program: one at an S3 URL (in reality a DynamoDB
# global table with a us-east-1 replica), one inline but only a nested stack pointing at such a URL. The pack
# judges declared resources; these declare "whatever that file says".
aws.cloudformation.Stack("kyc-tables", template_url="https://kyc-templates.s3.ap-southeast-3.amazonaws.com/tables.yaml",
    parameters={"Collection": "onboarding"}, opts=opts())
aws.cloudformation.Stack("kyc-nested", template_body=json.dumps({"Resources": {"Tables": {
    "Type": "AWS::CloudFormation::Stack",
    "Properties": {"TemplateURL": "https://kyc-templates.s3.ap-southeast-3.amazonaws.com/tables.yaml"}}}}),
    opts=opts())
