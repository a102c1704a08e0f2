from prelude import *  # noqa: F403

# Jakarta "region", but every S3 call goes to an S3-compatible service in Frankfurt (no amazonaws.com host name).
wasabi = aws.Provider("objstore", region="ap-southeast-3", skip_credentials_validation=True,
    skip_requesting_account_id=True, s3_use_path_style=True,
    endpoints=[{"s3": "https://s3.eu-central-2.wasabisys.com"}])
bucket("pii-obj", "customer-pii", wasabi)
