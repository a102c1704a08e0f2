from prelude import *  # noqa: F403

# Compliant: a REGIONAL REST API, a regional custom domain and a Cognito prefix domain, all in Jakarta.
fn = function("kyc-handler", {"TABLE": "kyc"})
api = aws.apigateway.RestApi("kyc-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts())
res_ = aws.apigateway.Resource("kyc", rest_api=api.id, parent_id=api.root_resource_id, path_part="kyc", opts=opts())
m = aws.apigateway.Method("post", rest_api=api.id, resource_id=res_.id, http_method="POST", authorization="NONE",
    opts=opts())
aws.apigateway.Integration("to-fn", rest_api=api.id, resource_id=res_.id, http_method=m.http_method,
    integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts())
aws.apigateway.DomainName("kyc-domain", domain_name="kyc.example.co.id", endpoint_configuration={"types": "REGIONAL"},
    regional_certificate_arn="arn:aws:acm:ap-southeast-3:111122223333:certificate/0f0e", opts=opts())
pool = aws.cognito.UserPool("customers", deletion_protection="ACTIVE",
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.cognito.UserPoolDomain("login", user_pool_id=pool.id, domain="kyc-login-jkt", opts=opts())
