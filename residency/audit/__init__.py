"""The live account audit: boto3 collectors turn describe output into resource facts; the same rules judge them."""
