from prelude import *  # noqa: F403

# An existing bucket owned by a partner in Frankfurt. The gate's getBucket answers region = the caller's region
# (Jakarta); the real data source returns the bucket's region, and the object lands in Frankfurt.
ext = aws.s3.get_bucket(bucket="partner-kyc-frankfurt")
there = aws.Provider("there", region=ext.region)
aws.s3.BucketObjectv2("customers-csv", bucket=ext.bucket, key="dump/customers.csv",
    content="nik,name,dob\n3171000000000001,Budi,1990-01-01\n", opts=opts(there))
