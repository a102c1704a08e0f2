from prelude import *  # noqa: F403

# Jakarta services whose endpoints are CloudFront distributions: a REST API left at the default endpoint type
# (EDGE) in front of the PII Lambda, an edge-optimised custom domain, and a Cognito user pool's custom domain
# (hosted sign-in pages with e-mail addresses and passwords, served from edge locations worldwide).
fn = function("kyc-handler", {"TABLE": "kyc"})
api = aws.apigateway.RestApi("kyc-api", opts=opts())
res_ = aws.apigateway.Resource("kyc", rest_api=api.id, parent_id=api.root_resource_id, path_part="kyc", opts=opts())
m = aws.apigateway.Method("post", rest_api=api.id, resource_id=res_.id, http_method="POST", authorization="NONE",
    opts=opts())
aws.apigateway.Integration("to-fn", rest_api=api.id, resource_id=res_.id, http_method=m.http_method,
    integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts())
aws.apigateway.DomainName("kyc-domain", domain_name="kyc.example.co.id",
    certificate_arn="arn:aws:acm:us-east-1:111122223333:certificate/0f0e", opts=opts())
pool = aws.cognito.UserPool("customers", deletion_protection="ACTIVE",
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.cognito.UserPoolDomain("login", user_pool_id=pool.id, domain="login.example.co.id",
    certificate_arn="arn:aws:acm:us-east-1:111122223333:certificate/0f0e", opts=opts())
