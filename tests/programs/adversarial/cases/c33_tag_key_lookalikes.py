from prelude import *  # noqa: F403

# Tag keys that differ from "data-class" only by invisible/look-alike characters; true class is customer-pii.
iad = aws.Provider("iad", region="us-east-1")
bucket_tags = [{"data\u2011class": "customer-pii", "data-class": "software-artifact"},   # non-breaking hyphen
               {"data-class\u200b": "customer-pii", "data-class": "software-artifact"}]  # zero-width space
for i, tags in enumerate(bucket_tags):
    aws.s3.Bucket(f"lookalike-{i}", tags=tags, opts=opts(iad))
