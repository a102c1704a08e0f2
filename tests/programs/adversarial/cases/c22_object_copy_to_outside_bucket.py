from prelude import *  # noqa: F403

# S3 ObjectCopy from the Jakarta PII bucket into a bucket outside the stack (region unknown) by name.
docs, _ = bucket("docs", "customer-pii")
aws.s3.ObjectCopy("copy", bucket="partner-kyc-frankfurt", key="customers.csv",
    source=docs.bucket.apply(lambda b: f"{b}/customers.csv"), opts=opts())
