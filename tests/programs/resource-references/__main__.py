"""Resources passed as inputs: the engine hands analyzers their ID (custom) or URN (component)."""
import json

import pulumi
import pulumi_aws as aws

role = aws.iam.Role("fn-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]}))
aws.iam.RolePolicyAttachment("logs", role=role,
                             policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
fn = aws.lambda_.Function("hello", runtime="python3.12", handler="index.handler", role=role.arn,
                          code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): return 1")}))
aws.lambda_.Permission("invoke", action="lambda:InvokeFunction", function=fn, principal="apigateway.amazonaws.com")


class Group(pulumi.ComponentResource):
    def __init__(self, name: str) -> None:
        super().__init__("acme:index:Group", name, None, None)
        self.register_outputs({})


group = Group("group")
aws.ssm.Parameter("marker", type="String", value=group.urn, tags={"data-class": "ops-telemetry"})
pulumi.export("function", fn)
