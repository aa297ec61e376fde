"""Storage for the `api_overhead` baseline (:mod:`benchmarks.bare_app`): plain ``sqlite3`` or ``psycopg``.

Like the app, it imports nothing from ``companyos_server`` or ``companyos``.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

BARE_AUDIT_TABLE = (
    "CREATE TABLE IF NOT EXISTS bench_bare_audit (id VARCHAR(40) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, "
    "occurred_at VARCHAR(40) NOT NULL, actor VARCHAR(200) NOT NULL, action VARCHAR(100) NOT NULL, "
    "resource VARCHAR(300) NOT NULL, status INTEGER NOT NULL, request_id VARCHAR(100), details TEXT NOT NULL)"
)


class Store:
    """A bounded pool of connections (``POOL_SIZE`` per process, as our server's pool); ``?`` placeholders
    (rewritten to ``%s`` for psycopg). A thread waits for a free connection rather than opening more, so
    two servers with several workers each stay within PostgreSQL's connection limit."""

    POOL_SIZE = 10

    def __init__(self, database: str) -> None:
        self.database = database
        self.postgres = database.startswith(("postgresql://", "postgres://"))
        self._idle: queue.LifoQueue[Any] = queue.LifoQueue()
        self._opened: list[Any] = []
        self._lock = threading.Lock()

    def _connect(self) -> Any:
        if self.postgres:
            import psycopg

            return psycopg.connect(self.database)
        conn = sqlite3.connect(self.database, timeout=10, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _acquire(self) -> Any:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._opened) < self.POOL_SIZE:
                conn = self._connect()
                self._opened.append(conn)
                return conn
        return self._idle.get(timeout=30)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Callable[[str, tuple[Any, ...]], list[Any]]]:
        conn = self._acquire()
        try:
            if not self.postgres:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

            def query(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
                cursor = conn.execute(sql.replace("?", "%s") if self.postgres else sql, params)
                return cursor.fetchall() if cursor.description else []

            try:
                yield query
            except BaseException:
                conn.rollback() if self.postgres else conn.execute("ROLLBACK")
                raise
            conn.commit() if self.postgres else conn.execute("COMMIT")
        finally:
            self._idle.put(conn)

    def close(self) -> None:
        """Close every pooled connection (at shutdown: no thread may still be using one)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()

    def stamp(self, value: datetime) -> Any:
        """A timestamp as the column stores it: naive UTC text on SQLite, aware on PostgreSQL."""
        return value if self.postgres else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def ensure_schema(database: str) -> None:
    """The baseline's own audit table; created once by the benchmark's setup, before the servers start."""
    store = Store(database)
    try:
        with store.transaction(write=True) as query:
            query(BARE_AUDIT_TABLE, ())
    finally:
        store.close()


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def as_time(value: Any) -> datetime:
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def parse_ts(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a string")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("no offset")
    return parsed.astimezone(UTC)
