"""A static website: S3 bucket with website hosting behind CloudFront."""
import pulumi
import pulumi_aws as aws

site = aws.s3.Bucket("site")
website = aws.s3.BucketWebsiteConfiguration("site", bucket=site.id, index_document={"suffix": "index.html"})
aws.s3.BucketObject("index.html", bucket=site.id, source=pulumi.FileAsset("./www/index.html"), content_type="text/html")
aws.s3.BucketObject("404.html", bucket=site.id, content="<h1>not found</h1>", content_type="text/html")
cdn = aws.cloudfront.Distribution(
    "cdn", enabled=True, default_root_object="index.html",
    origins=[{"origin_id": site.arn, "domain_name": website.website_endpoint,
              "custom_origin_config": {"origin_protocol_policy": "http-only", "http_port": 80, "https_port": 443,
                                       "origin_ssl_protocols": ["TLSv1.2"]}}],
    default_cache_behavior={"target_origin_id": site.arn, "viewer_protocol_policy": "redirect-to-https",
                            "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                            "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}}},
    restrictions={"geo_restriction": {"restriction_type": "none"}},
    viewer_certificate={"cloudfront_default_certificate": True})
pulumi.export("cdn", cdn.domain_name)
pulumi.export("website", website.website_endpoint)
