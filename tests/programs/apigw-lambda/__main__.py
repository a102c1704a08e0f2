"""API Gateway (HTTP API) + Lambda, in the style of the common serverless examples."""
import json

import pulumi
import pulumi_aws as aws

assume = aws.iam.get_policy_document(statements=[{
    "actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}])
role = aws.iam.Role("lambda-role", assume_role_policy=assume.json)
aws.iam.RolePolicyAttachment("lambda-logs", role=role.name,
                             policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
fn = aws.lambda_.Function("hello", runtime="python3.12", handler="handler.handler", role=role.arn,
                          code=pulumi.FileArchive("./app"))
api = aws.apigatewayv2.Api("http-api", protocol_type="HTTP")
integration = aws.apigatewayv2.Integration("lambda", api_id=api.id, integration_type="AWS_PROXY",
                                           integration_uri=fn.invoke_arn, payload_format_version="2.0")
aws.apigatewayv2.Route("route", api_id=api.id, route_key="GET /",
                       target=integration.id.apply(lambda i: f"integrations/{i}"))
stage = aws.apigatewayv2.Stage("default", api_id=api.id, name="$default", auto_deploy=True)
aws.lambda_.Permission("invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
                       source_arn=api.execution_arn.apply(lambda arn: f"{arn}/*/*"))
pulumi.export("url", stage.invoke_url)
pulumi.export("policy", json.loads(assume.json)["Statement"][0]["Principal"]["Service"])
