from prelude import *  # noqa: F403

# API Gateway in Jakarta proxies uploads (KYC documents) straight to a bucket outside the stack via s3.amazonaws.com.
api = aws.apigateway.RestApi("kyc", tags={"data-class": "source-document"}, opts=opts())
res = aws.apigateway.Resource("up", rest_api=api.id, parent_id=api.root_resource_id, path_part="upload", opts=opts())
m = aws.apigateway.Method("put", rest_api=api.id, resource_id=res.id, http_method="PUT", authorization="NONE", opts=opts())
aws.apigateway.Integration("to-s3", rest_api=api.id, resource_id=res.id, http_method=m.http_method,
    type="HTTP_PROXY", integration_http_method="PUT",
    uri="https://s3.amazonaws.com/kyc-export-us/{key}", opts=opts())
