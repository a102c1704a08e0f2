"""AWS settings from the environment are the operator's input: a bad one is one line naming it and exit 2."""

import os
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.faults.server import closed_port

ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "HTTP", "HTTPS"))},
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "ap-southeast-3",
}
ARGS = ("audit", "--regions", "ap-southeast-3", "--timeout", "5", "--progress-every", "0")


def _audit(env: dict[str, str], *extra: str) -> tuple[int, str]:
    done = run_cli(*ARGS, *extra, env={**ENV, **env}, timeout=60)
    return done.returncode, done.stderr


@pytest.mark.parametrize("variable", ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"])
def test_an_aws_file_that_does_not_parse_is_named(tmp_path: Path, variable: str) -> None:
    """It was an internal error (botocore's ConfigParseError while the session was made)."""
    broken = tmp_path / "aws-file"
    broken.write_text("[default]\nregion = ap-southeast-3\n[profile x\n" if variable == "AWS_CONFIG_FILE" else "junk\n")
    env = {variable: str(broken)} | (
        {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""} if "CRED" in variable else {}
    )
    code, err = _audit(env, "--endpoint-url", closed_port())
    assert code == 2
    assert (
        err
        == f"error: {broken}: is not a valid AWS config or credentials file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)\n"
    )


def test_a_ca_bundle_that_is_not_a_file_is_named() -> None:
    """It read as every region 'cannot connect', blaming the network for a setting."""
    code, err = _audit({"AWS_CA_BUNDLE": "/nonexistent/ca.pem"})
    assert code == 2
    assert err == "error: AWS_CA_BUNDLE: '/nonexistent/ca.pem' is not a file; allowed: a PEM file of CA certificates\n"


@pytest.mark.parametrize(("variable", "url"), [("AWS_ENDPOINT_URL", "::bad"), ("AWS_ENDPOINT_URL_S3", "ftp://x")])
def test_an_endpoint_url_variable_is_checked_like_the_option(variable: str, url: str) -> None:
    """It made every service of every region 'not audited' (ValueError: Invalid endpoint), exit 3."""
    code, err = _audit({variable: url})
    assert code == 2
    assert err == f"error: {variable}: {url!r} is not a URL; allowed: http(s)://host[:port]\n"


def test_an_endpoint_url_in_the_profile_is_checked(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("[default]\nendpoint_url = nope\n")
    code, err = _audit({"AWS_CONFIG_FILE": str(config)})
    assert code == 2
    assert err.startswith("error: endpoint_url of the AWS profile default: 'nope' is not a URL")


def test_a_good_endpoint_variable_is_used() -> None:
    code, err = _audit({"AWS_ENDPOINT_URL": closed_port()})
    assert code == 3 and "error:" not in err
