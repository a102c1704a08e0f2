from prelude import *  # noqa: F403

# Jakarta Lambda reads a PII bucket and PUTs to an outside bucket via the global (region-less) S3 host name.
docs, _ = bucket("docs", "customer-pii")
function("exporter", {"SRC": docs.bucket, "DEST": "https://kyc-export-us.s3.amazonaws.com/incoming/"})
