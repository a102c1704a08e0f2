"""Why a read failed, as one line of a report: what the service said, or what came back instead of its answer."""

import re

from botocore.exceptions import ClientError, EndpointConnectionError

_PAGE = re.compile(r"<!doctype html|<html", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
LONGEST = 300
"""A reason longer than this is cut: a status names the failure, it does not carry a whole body."""


def one_line(text: str) -> str:
    """An error body as one line: a web page (a proxy's, or a server's own error page) is named by its title, since
    its markup and line breaks would otherwise be pasted into every region's status; other text is joined."""
    if _PAGE.search(text):
        title = _TITLE.search(text)
        named = " ".join(title.group(1).split()) if title else ""
        return (
            f"an HTML page ({named}), not the service's answer" if named else "an HTML page, not the service's answer"
        )
    joined = " ".join(text.split())
    return joined if len(joined) <= LONGEST else joined[: LONGEST - 1] + "…"


def reason(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        code = str(err.get("Code") or "")
        # botocore names an error it could not parse by its HTTP status alone ("503"), or not at all
        if not code or code.isdigit():
            code = f"HTTP {code or status}" if (code or status) else "error"
        message = one_line(str(err.get("Message") or ""))
        return f"{code}: {message}" if message else code
    if isinstance(exc, EndpointConnectionError):
        return f"cannot connect to {exc.kwargs.get('endpoint_url', 'the endpoint')}"
    text = str(exc)
    first = one_line(text) if _PAGE.search(text) else (text.splitlines()[0] if text else "")
    return f"{type(exc).__name__}: {first}".rstrip(": ")
