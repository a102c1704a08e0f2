"""Two Lambdas orchestrated by a Step Functions state machine."""
import json

import pulumi
import pulumi_aws as aws

region = aws.get_region()
identity = aws.get_caller_identity()
role = aws.iam.Role("lambda-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}}]}))
code = pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => ({ ok: true });")})
hello = aws.lambda_.Function("hello", runtime="nodejs20.x", handler="index.handler", role=role.arn, code=code)
world = aws.lambda_.Function("world", runtime="nodejs20.x", handler="index.handler", role=role.arn, code=code)
sfn_role = aws.iam.Role("sfn-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Action": "sts:AssumeRole", "Effect": "Allow",
    "Principal": {"Service": f"states.{region.name}.amazonaws.com"}}]}))
machine = aws.sfn.StateMachine("state-machine", role_arn=sfn_role.arn, definition=pulumi.Output.all(
    hello.arn, world.arn).apply(lambda arns: json.dumps({"StartAt": "Hello", "States": {
        "Hello": {"Type": "Task", "Resource": arns[0], "Next": "World"},
        "World": {"Type": "Task", "Resource": arns[1], "End": True}}})))
pulumi.export("machine", machine.arn)
pulumi.export("account", identity.account_id)
