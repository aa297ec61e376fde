"""Server-side sessions: the browser holds only a signed, random session id (HttpOnly, SameSite=Lax).

Tokens never leave the server. A sign-in always starts a new session id and deletes the previous one, so
an id planted in a browser before sign-in (session fixation) is worthless afterwards.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, TimestampSigner


class SessionStore:
    """Sessions in a SQLite file of the console's own (shared by every worker process)."""

    def __init__(self, path: Path, *, idle_seconds: int) -> None:
        # Sessions hold tokens: the directory is 0700 and the database 0600 (SQLite gives its -wal and
        # -shm files the database's mode).
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
        self.path = path
        self.idle_seconds = idle_seconds
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS console_sessions ("
                " id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at REAL NOT NULL)"
            )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    def create(self, data: dict[str, Any]) -> str:
        sid = secrets.token_urlsafe(32)
        with self._connect() as conn:
            conn.execute("DELETE FROM console_sessions WHERE expires_at < ?", (time.time(),))
            conn.execute(
                "INSERT INTO console_sessions (id, data, expires_at) VALUES (?, ?, ?)",
                (sid, json.dumps(data), time.time() + self.idle_seconds),
            )
        return sid

    def get(self, sid: str) -> dict[str, Any] | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT data, expires_at FROM console_sessions WHERE id = ?", (sid,)
            ).fetchone()
        if row is None or row[1] < time.time():
            return None
        data: dict[str, Any] = json.loads(row[0])
        return data

    def save(self, sid: str, data: dict[str, Any]) -> None:
        with self._connect() as conn:
            conn.execute(
                "UPDATE console_sessions SET data = ?, expires_at = ? WHERE id = ?",
                (json.dumps(data), time.time() + self.idle_seconds, sid),
            )

    def delete(self, sid: str) -> None:
        with self._connect() as conn:
            conn.execute("DELETE FROM console_sessions WHERE id = ?", (sid,))


class CookieCodec:
    """Signs session ids for the cookie and refuses anything it did not sign (or signed too long ago)."""

    def __init__(self, key: str, *, max_age: int) -> None:
        self._signer = TimestampSigner(key, salt="companyos-console-session")
        self.max_age = max_age

    def encode(self, sid: str) -> str:
        return self._signer.sign(sid).decode("ascii")

    def decode(self, value: str | None) -> str | None:
        if not value:
            return None
        try:
            return self._signer.unsign(value, max_age=self.max_age).decode("ascii")
        except (BadSignature, UnicodeDecodeError):
            return None
