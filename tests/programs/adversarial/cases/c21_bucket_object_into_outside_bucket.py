from prelude import *  # noqa: F403

# PII written as an object into a bucket that is not in this stack (its region is unknown), by name only.
aws.s3.BucketObjectv2("customers-csv", bucket="partner-kyc-frankfurt", key="dump/customers.csv",
    content="nik,name,dob\n3171000000000001,Budi,1990-01-01\n", tags={"data-class": "customer-pii"}, opts=opts())
