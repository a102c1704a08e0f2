"""The residency vocabulary. Imports neither pulumi nor boto3, so every adapter can share it."""
