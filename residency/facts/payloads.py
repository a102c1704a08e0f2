"""Encoded text that runs: base64 user data, gzip inside it, MIME multi-part cloud-init, base64 blobs in scripts.

The script scan reads plain text, but user data usually reaches AWS encoded: `user_data_base64`, a launch
template's `user_data` (which must be base64), gzip-compressed base64, or cloud-init's MIME multi-part document
whose parts may each be base64. A boot script hidden behind an encoding must be read like the same script in
plain text, so every layer is peeled before the scan.
"""

import base64
import binascii
import email
import re
import zlib
from email.message import Message

MAX_DECODED = 1 << 20
"""Bytes read out of a compressed payload: user data is at most 16 KiB, so more than this is a bomb, not a script."""
MAX_LAYERS = 4
"""Encodings peeled one inside another (base64 of gzip of a MIME document of base64 parts)."""
MIN_ENCODED = 16
"""Shorter base64-looking values are names and ids that happen to use its alphabet."""
BASE64 = re.compile(r"^[A-Za-z0-9+/\r\n]+={0,2}\s*$")
BASE64_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{{{MIN_ENCODED},}}={{0,2}}(?![A-Za-z0-9+/=_-])")
MULTIPART = re.compile(r"^content-type:\s*multipart/", re.IGNORECASE | re.MULTILINE)
GZIP_MAGIC = b"\x1f\x8b"
PLAIN_SIGNS = re.compile(r"\s|://|^arn:")


def _gunzip(raw: bytes) -> bytes | None:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(raw, MAX_DECODED)
    except zlib.error:
        return None


def _as_text(raw: bytes) -> str | None:
    """Readable text, gunzipped first when compressed; None for binary (hashes, keys, ciphertext)."""
    if raw.startswith(GZIP_MAGIC):
        inflated = _gunzip(raw)
        if inflated is None:
            return None
        raw = inflated
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return text if text and printable >= 0.95 * len(text) else None


def _from_base64(text: str) -> str | None:
    """The script (or URL, or ARN) a base64 value carries. Random bytes rarely decode to printable text with
    whitespace or a URL in it: requiring that keeps names and hashes that merely use the base64 alphabet what they
    are."""
    compact = "".join(text.split())
    if len(compact) < MIN_ENCODED or len(compact) % 4 or not BASE64.match(text):
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    decoded = _as_text(raw)
    if decoded is None:
        return None
    return decoded if raw.startswith(GZIP_MAGIC) or PLAIN_SIGNS.search(decoded) else None


def _part_text(part: Message) -> str | None:
    payload = part.get_payload(decode=True)  # undoes the part's Content-Transfer-Encoding (base64, quoted-printable)
    if not isinstance(payload, bytes):
        return None
    return _as_text(payload)


def _from_multipart(text: str) -> str | None:
    """Every part of a MIME multi-part document (cloud-init user data), decoded, one after another."""
    if not MULTIPART.search(text[:4096]):
        return None
    message = email.message_from_string(text)
    if not message.is_multipart():
        return None
    parts = [p for p in (_part_text(part) for part in message.walk() if not part.is_multipart()) if p is not None]
    return "\n".join(parts)


def unwrap(text: str) -> str:
    """The plain text inside every encoding layer of `text`; `text` itself when it is not encoded."""
    for _ in range(MAX_LAYERS):
        inner = _from_base64(text) or _from_multipart(text)
        if inner is None:
            break
        text = inner
    return text


def embedded(text: str) -> list[str]:
    """Scripts carried as base64 blobs inside free text (`echo ... | base64 -d | sh`, cloud-config `encoding: b64`,
    `gzip+base64` files), each unwrapped."""
    found = []
    for blob in dict.fromkeys(BASE64_IN_TEXT.findall(text)):
        inner = _from_base64(blob)
        if inner is not None:
            found.append(unwrap(inner))
    return found
