"""The two servers under test, each a uvicorn process tree (``--workers N``) on a free loopback port."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def request(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@dataclass
class Server:
    name: str
    target: str  # uvicorn factory, "module:function"
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str], workers: int) -> None:
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            self.target,
            "--factory",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_ready(self, path: str, headers: dict[str, str], timeout: float = 90.0) -> Any:
        """Until ``path`` answers 200 (then its JSON), the process dies, or it keeps refusing."""
        deadline = time.monotonic() + timeout
        last, answering_since = "", None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            try:
                status, body = request(self.port, "GET", path, headers)
                if status == 200:
                    return json.loads(body)
                last = f"{status} {body[:500]!r}"
                answering_since = answering_since or time.monotonic()
                if time.monotonic() - answering_since > 10:  # up, but refusing: no point waiting longer
                    break
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.25)
        raise RuntimeError(f"{self.name} did not answer 200 on {path} (last answer: {last})\n{self.tail()}")

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM to the uvicorn supervisor (it stops its workers), SIGKILL to the group after 15 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            try:
                import os

                os.killpg(self.process.pid, signal.SIGKILL)  # its own session: only this server's processes
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)
