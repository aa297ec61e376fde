"""A one-shot loopback redirect listener (RFC 8252 §7.3): 127.0.0.1, ephemeral port, one GET."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = ["LoopbackServer"]

_DONE_PAGE = (
    b"<!doctype html><title>CompanyOS</title><p>Signed in. You can close this window and return to the app."
)


class LoopbackServer:
    def __init__(self, *, host: str = "127.0.0.1", path: str = "/callback") -> None:
        self.path = path
        self._result: dict[str, str] | None = None
        self._done = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != outer.path or outer._done.is_set():
                    self.send_error(404)
                    return
                outer._result = dict(parse_qsl(parts.query))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(_DONE_PAGE)))
                self.end_headers()
                self.wfile.write(_DONE_PAGE)
                outer._done.set()

            def log_message(self, format: str, *args: Any) -> None:  # the query carries the code
                return

        self._server = HTTPServer((host, 0), Handler)
        self.port = self._server.server_address[1]
        self.redirect_uri = f"http://{host}:{self.port}{path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="companyos-loopback", daemon=True
        )
        self._thread.start()

    def wait(self, timeout: float) -> dict[str, str] | None:
        self._done.wait(timeout)
        return self._result

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
