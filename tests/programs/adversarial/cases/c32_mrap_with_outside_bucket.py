from prelude import *  # noqa: F403

# Multi-Region Access Point over the Jakarta PII bucket and a bucket outside the stack (region unknown).
docs, _ = bucket("docs", "customer-pii")
aws.s3control.MultiRegionAccessPoint("kyc", details={"name": "kyc", "regions": [
    {"bucket": docs.bucket}, {"bucket": "kyc-dr-elsewhere"}]}, opts=opts())
