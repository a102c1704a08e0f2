"""A local endpoint that answers every request the same wrong way: the faults an auditor's network produces."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = b"<!DOCTYPE html><html><head><title>Sign in to the guest network</title></head><body>Welcome</body></html>"

FAULTS: dict[str, tuple[int, str, bytes]] = {
    "html-200": (200, "text/html", HTML),
    "empty-200": (200, "application/xml", b""),
    "wrong-xml-200": (200, "application/xml", b"<?xml version='1.0'?><Status><Healthy>true</Healthy></Status>"),
    "not-xml-200": (200, "application/xml", b'{"buckets": []}'),
    "json-list-200": (200, "application/x-amz-json-1.1", b"[]"),
    "json-empty-200": (200, "application/x-amz-json-1.1", b"{}"),
    "garbage-200": (200, "application/octet-stream", b"\x00\xff\xfe garbage"),
    "error-500": (500, "text/plain", b"internal error"),
    "unavailable-503": (503, "text/html", HTML),
}


def _handler(fault: str, delay: float) -> type[BaseHTTPRequestHandler]:
    status, content_type, body = FAULTS.get(fault, (200, "text/plain", b""))

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if delay:
                time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_HEAD = _answer  # noqa: N815 - http.server's method names

        def log_message(self, *_: object) -> None:
            return

    return Handler


@contextmanager
def fault_server(fault: str, delay: float = 0.0) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fault, delay))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> str:
    """An address nothing listens on (the port was bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
