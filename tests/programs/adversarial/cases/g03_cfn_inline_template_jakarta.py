from prelude import *  # noqa: F403

import json

# Compliant: an inline CloudFormation template (a queue in Jakarta) the pack reads like any definition.
aws.cloudformation.Stack("ops-queue", template_body=json.dumps({"Resources": {"Queue": {
    "Type": "AWS::SQS::Queue", "Properties": {"KmsMasterKeyId": "alias/aws/sqs"}}}}), opts=opts())
