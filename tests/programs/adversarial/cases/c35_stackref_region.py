from prelude import *  # noqa: F403

# Region taken from another stack's outputs (no --stack-outputs given: should fail closed).
ref = pulumi.StackReference("org/redteam/dr")
p = aws.Provider("dr", region=ref.get_output("region"))
bucket("pii", "customer-pii", p)
