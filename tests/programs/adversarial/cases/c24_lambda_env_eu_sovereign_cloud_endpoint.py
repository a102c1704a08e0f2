from prelude import *  # noqa: F403

# Like C17, but the outside endpoint is in the AWS European Sovereign Cloud (amazonaws.eu, region eusc-de-east-1).
docs, _ = bucket("docs", "customer-pii")
function("exporter", {"SRC": docs.bucket, "DEST": "https://kyc-export.s3.eusc-de-east-1.amazonaws.eu/incoming/"})
