"""Upload every file of a folder to a bucket, as the s3-folder example does."""
import mimetypes
import os

import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("s3-website-bucket", tags={"data-class": "software-artifact"})
content_dir = "site"
for root, _, files in os.walk(content_dir):
    for file in sorted(files):
        path = os.path.join(root, file)
        key = os.path.relpath(path, content_dir)
        aws.s3.BucketObject(key, bucket=bucket.id, key=key, source=pulumi.FileAsset(path),
                            content_type=mimetypes.guess_type(path)[0])
aws.s3.BucketObject("bundle", bucket=bucket.id, source=pulumi.AssetArchive({
    "index.html": pulumi.FileAsset("site/index.html"), "README": pulumi.StringAsset("hello")}))
pulumi.export("bucket", bucket.bucket)
