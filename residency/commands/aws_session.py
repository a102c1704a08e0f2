"""The audit's boto3 session, with the AWS settings that come from the environment checked as input.

A config or credentials file that does not parse, a CA bundle that does not exist, or an endpoint URL
(`AWS_ENDPOINT_URL`, or `endpoint_url` in the profile) that is not a URL is the operator's configuration, not an
endpoint's fault: it is one line naming the variable or file and exit 2, instead of an internal error or every
region "not audited" for a reason that blames the network.
"""

import os
from urllib.parse import urlparse

import boto3
from botocore.exceptions import BotoCoreError, ClientError, ConfigParseError, ProfileNotFound

from residency.audit.reasons import reason
from residency.model.errors import ResidencyConfigError


def endpoint(url: str | None, key: str = "--endpoint-url") -> str | None:
    if url is None:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ResidencyConfigError(key, f"{url!r} is not a URL; allowed: http(s)://host[:port]")
    try:
        parsed.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise ResidencyConfigError(key, f"{url!r} has a bad port; allowed: http(s)://host[:port]") from None
    return url


def _check_environment(session: boto3.Session) -> None:
    core = session._session  # botocore's session: where the environment and the profile are merged
    bundle = core.get_config_variable("ca_bundle")
    if bundle and not os.path.isfile(bundle):
        raise ResidencyConfigError("AWS_CA_BUNDLE", f"{bundle!r} is not a file; allowed: a PEM file of CA certificates")
    # botocore resolves these per service when a client is made (inside a region's read): checked here, once.
    for name, value in sorted(os.environ.items()):
        if name == "AWS_ENDPOINT_URL" or name.startswith("AWS_ENDPOINT_URL_"):
            endpoint(value, name)
    url = core.get_scoped_config().get("endpoint_url")
    if isinstance(url, str):
        endpoint(url, f"endpoint_url of the AWS profile {core.profile or 'default'}")


def aws_session(profile: str | None, role_arn: str | None) -> boto3.Session:
    try:
        session = boto3.Session(profile_name=profile)
        _check_environment(session)
    except ProfileNotFound as exc:
        raise ResidencyConfigError("--profile", str(exc)) from None
    except ConfigParseError as exc:
        path = exc.kwargs.get("path", "the AWS config file")
        raise ResidencyConfigError(
            str(path), "is not a valid AWS config or credentials file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)"
        ) from None
    if not role_arn:
        return session
    try:
        creds = session.client("sts").assume_role(RoleArn=role_arn, RoleSessionName="residency-audit")["Credentials"]
    except (ClientError, BotoCoreError) as exc:
        raise ResidencyConfigError("--role-arn", f"cannot assume {role_arn}: {reason(exc)}") from None
    return boto3.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=session.region_name,
    )
