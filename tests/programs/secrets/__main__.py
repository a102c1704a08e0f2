"""Secrets Manager with a random password, read back through get_secret_version."""
import json

import pulumi
import pulumi_aws as aws
import pulumi_random as random

password = random.RandomPassword("db-password", length=24, special=False)
secret = aws.secretsmanager.Secret("app-secret", description="database credentials")
aws.secretsmanager.SecretVersion("app-secret-v1", secret_id=secret.id,
                                 secret_string=password.result.apply(lambda p: json.dumps({"password": p})))
existing = aws.secretsmanager.get_secret_version(secret_id="prod/shared/api-key")
config = json.loads(existing.secret_string)
pulumi.export("secretArn", secret.arn)
pulumi.export("sharedKeys", list(config))
