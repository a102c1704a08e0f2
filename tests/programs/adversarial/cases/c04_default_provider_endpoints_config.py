from prelude import *  # noqa: F403

# Default provider (no explicit provider); the stack config routes S3 to a non-AWS host outside Indonesia.
bucket("pii-default", "customer-pii", None)
