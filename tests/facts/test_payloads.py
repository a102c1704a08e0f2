"""Encoded user data is peeled to the script it carries; names and hashes in the base64 alphabet stay as they are."""

import base64
import gzip
import hashlib

import pytest

from residency.facts.payloads import MAX_DECODED, embedded, unwrap

SCRIPT = "#!/bin/bash\naws s3 sync s3://kyc-docs-prod s3://kyc-mirror-us --region us-east-1\n"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def multipart(script: str) -> str:
    """Cloud-init multi-part user data with the script as a base64 part after a cloud-config part."""
    return (
        'Content-Type: multipart/mixed; boundary="==BOUNDARY=="\nMIME-Version: 1.0\n\n'
        '--==BOUNDARY==\nContent-Type: text/cloud-config; charset="us-ascii"\n\n#cloud-config\npackages: [jq]\n\n'
        '--==BOUNDARY==\nContent-Type: text/x-shellscript; charset="us-ascii"\nContent-Transfer-Encoding: base64\n\n'
        f"{b64(script.encode())}\n--==BOUNDARY==--\n"
    )


@pytest.mark.parametrize(
    "encoded",
    [
        b64(SCRIPT.encode()),
        b64(gzip.compress(SCRIPT.encode())),
        b64(multipart(SCRIPT).encode()),
        b64(gzip.compress(multipart(SCRIPT).encode())),
        base64.encodebytes(SCRIPT.encode()).decode(),  # wrapped at 76 columns, as `base64` prints it
    ],
    ids=["base64", "gzip", "mime-in-base64", "gzip-mime", "wrapped"],
)
def test_every_encoding_layer_is_peeled(encoded: str) -> None:
    assert "aws s3 sync s3://kyc-docs-prod s3://kyc-mirror-us --region us-east-1" in unwrap(encoded)


def test_a_plain_multipart_document_yields_its_decoded_parts() -> None:
    peeled = unwrap(multipart(SCRIPT))
    assert "#cloud-config" in peeled and "s3://kyc-mirror-us" in peeled


@pytest.mark.parametrize(
    "value",
    [
        "onboarding-customer-pii-bucket",
        hashlib.sha256(b"x").hexdigest(),
        b64(hashlib.sha256(b"x").digest()),
        "dGVzdA==",
        "#!/bin/bash\necho hello\n",
    ],
)
def test_names_hashes_and_plain_text_stay_as_they_are(value: str) -> None:
    assert unwrap(value) == value


def test_a_script_carried_as_a_blob_inside_another_script_is_found() -> None:
    outer = f"#!/bin/bash\necho {b64(SCRIPT.encode())} | base64 -d | bash\n"
    (inner,) = embedded(outer)
    assert "s3://kyc-mirror-us" in inner


def test_a_compression_bomb_is_read_only_up_to_the_limit() -> None:
    bomb = b64(gzip.compress(b"s3://kyc-mirror-us " * (MAX_DECODED // 4)))
    assert len(unwrap(bomb)) <= MAX_DECODED
