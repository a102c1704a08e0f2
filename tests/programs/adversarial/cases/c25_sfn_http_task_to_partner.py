from prelude import *  # noqa: F403

# A Step Functions HTTP task (processor) posts each KYC record to a partner outside Indonesia.
docs, _ = bucket("docs", "customer-pii")
conn = aws.cloudwatch.EventConnection("partner", authorization_type="API_KEY", auth_parameters={
    "api_key": {"key": "x-api-key", "value": "secret"}}, opts=opts())
definition = pulumi.Output.all(docs.bucket, conn.arn).apply(lambda a: json.dumps({"StartAt": "Send", "States": {
    "Send": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "End": True, "Parameters": {
        "ApiEndpoint": "https://kyc-intake.partner.example.de/v1/customers", "Method": "POST",
        "Authentication": {"ConnectionArn": a[1]}, "RequestBody.$": "$.record"}}}}))
aws.sfn.StateMachine("forward", role_arn=role("sfn", "states.amazonaws.com").arn, definition=definition,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
