"""A scripted HTTP server on 127.0.0.1 for outbound-call tests: each request takes the next answer."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Script:
    """Answers by path: a list is consumed in order, its last entry repeats."""

    answers: dict[str, list[Answer]] = field(default_factory=dict)
    hits: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next(self, method: str, path: str) -> Answer:
        with self.lock:
            self.hits.append((method, path))
            queue = self.answers.get(path) or [Answer(404, {"error": "no such path"})]
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for _, p in self.hits if p == path)


@contextmanager
def serve(script: Script) -> Iterator[str]:
    """Run the server while the block runs; yields its base URL (``http://127.0.0.1:<port>``)."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            answer = script.next(self.command, self.path)
            if answer.delay:
                time.sleep(answer.delay)
            payload = json.dumps(answer.body).encode() if answer.body is not None else b""
            try:
                self.send_response(answer.status)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out and left

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
