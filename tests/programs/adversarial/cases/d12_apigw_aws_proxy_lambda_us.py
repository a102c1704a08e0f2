from prelude import *  # noqa: F403

# Jakarta REST API (KYC document upload) with an AWS_PROXY integration to a Lambda in us-east-1, by literal ARN.
# The integration uri is an apigateway ARN that embeds the us-east-1 Lambda ARN.
api = aws.apigateway.RestApi("kyc", tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
res = aws.apigateway.Resource("up", rest_api=api.id, parent_id=api.root_resource_id, path_part="upload", opts=opts())
m = aws.apigateway.Method("post", rest_api=api.id, resource_id=res.id, http_method="POST", authorization="NONE",
                          opts=opts())
aws.apigateway.Integration("to-us", rest_api=api.id, resource_id=res.id, http_method=m.http_method,
    type="AWS_PROXY", integration_http_method="POST",
    uri="arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        "arn:aws:lambda:us-east-1:111122223333:function:kyc-ingest/invocations", opts=opts())
