from prelude import *  # noqa: F403

# DataSync copies the Jakarta PII bucket to an S3-compatible object store abroad named by server_hostname.
docs, _ = bucket("docs", "customer-pii")
src = aws.datasync.S3Location("src", s3_bucket_arn=docs.arn, subdirectory="/",
    s3_config={"bucket_access_role_arn": role("ds", "datasync.amazonaws.com").arn}, opts=opts())
dst = aws.datasync.LocationObjectStorage("dst", server_hostname="s3.eu-central-2.wasabisys.com",
    bucket_name="kyc-mirror", server_protocol="HTTPS", server_port=443, access_key="AK", secret_key="SK", opts=opts())
aws.datasync.Task("mirror", source_location_arn=src.arn, destination_location_arn=dst.arn, opts=opts())
