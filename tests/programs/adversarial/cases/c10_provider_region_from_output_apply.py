from prelude import *  # noqa: F403

# Region computed by apply over a known value (resolved during the mock preview).
code = pulumi.Output.from_input("fra")
region = code.apply(lambda c: {"fra": "eu-central-1", "jkt": "ap-southeast-3"}[c])
p = aws.Provider("computed", region=region)
aws.s3.Bucket("pii", tags={"data-class": "customer-pii"}, opts=opts(p))
