from prelude import *  # noqa: F403

# An explicit provider whose *name* starts with "default" and that sets no region (region comes from the
# deploy machine's profile / AWS_REGION, e.g. eu-central-1). The pack treats it as the engine's default provider.
dr = aws.Provider("default-dr", profile="dr-frankfurt")
bucket("pii-dr", "customer-pii", dr)
