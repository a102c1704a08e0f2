from prelude import *  # noqa: F403

# Jakarta REST API proxies uploads directly to S3 via an AWS service integration in us-east-1 (path-style
# action ARN: arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}).
api = aws.apigateway.RestApi("kyc", tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
res = aws.apigateway.Resource("up", rest_api=api.id, parent_id=api.root_resource_id, path_part="upload", opts=opts())
m = aws.apigateway.Method("put", rest_api=api.id, resource_id=res.id, http_method="PUT", authorization="NONE",
                          opts=opts())
aws.apigateway.Integration("to-s3", rest_api=api.id, resource_id=res.id, http_method=m.http_method,
    type="AWS", integration_http_method="PUT", credentials=role("apigw", "apigateway.amazonaws.com").arn,
    uri="arn:aws:apigateway:us-east-1:s3:path/kyc-docs-us/{key}", opts=opts())
