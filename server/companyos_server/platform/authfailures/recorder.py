"""Counting refused bearer tokens: buffered per process, upserted per (window, source, reason).

:meth:`AuthFailureRecorder.record` is called on the request path and only adds to an in-memory
counter; a background thread writes what has accumulated every ``flush_seconds`` as one multi-row
upsert (``INSERT … ON CONFLICT (key) DO UPDATE SET failures = failures + excluded.failures``), rows in
key order so that concurrent workers lock them in the same order. No refused request waits for, or
queues behind, a database write; a flood costs one short transaction a second per worker. A buffer of
more than ``max_buffered`` distinct rows is written by the request that fills it (backpressure, never
loss). What a crash can lose: the counts of at most the last ``flush_seconds``.

Every ``summary_seconds`` the same thread claims the rows of windows that have closed and not been
summarized yet (``UPDATE … SET summarized_at = now … RETURNING``: concurrent workers claim disjoint
rows) and appends one event to the ``_platform`` audit chain with their totals and the top sources.
The table stays the record; the event makes the counts part of the signed trail at a rate set by
time, not by traffic.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from companyos_server.platform.authfailures.models import AuthFailureCount
from companyos_server.platform.identity.throttle import normalize_source
from companyos_server.platform.storage import Database

log = logging.getLogger("companyos.auth_failures")

FLUSH_SECONDS = 1.0
SUMMARY_SECONDS = 300
MAX_BUFFERED = 10_000
TOP_SOURCES = 10
SUMMARY_ACTION = "auth.token_failures"
_UPSERT_BATCH = 500


@dataclass
class _Tally:
    failures: int
    rate_limited: int
    first_at: float
    last_at: float


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class AuthFailureRecorder:
    """Counts refused bearer tokens (see the module docstring); ``clock`` is epoch seconds.

    ``audit`` returns the audit log that summaries go to (called when one is due); without it counts
    are only stored. ``background=False``: no flushing thread, the caller flushes and summarizes.
    """

    def __init__(
        self,
        db: Database,
        *,
        audit: Callable[[], Any] | None = None,
        window_seconds: int = 60,
        flush_seconds: float = FLUSH_SECONDS,
        summary_seconds: float = SUMMARY_SECONDS,
        max_buffered: int = MAX_BUFFERED,
        clock: Callable[[], float] = time.time,
        background: bool = True,
    ) -> None:
        self._db = db
        self._audit = audit
        self.window_seconds = window_seconds
        self._flush_seconds = flush_seconds
        self._summary_seconds = summary_seconds
        self._max_buffered = max_buffered
        self._clock = clock
        self._buffer: dict[tuple[int, str, str], _Tally] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._background = background
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ request path
    def record(self, address: str | None, reason: str, *, rate_limited: bool = False) -> None:
        """Count one refused request from ``address`` (a client address as the server saw it)."""
        now = self._clock()
        window = int(now // self.window_seconds) * self.window_seconds
        key = (window, normalize_source(address), reason)
        with self._lock:
            tally = self._buffer.get(key)
            if tally is None:
                self._buffer[key] = _Tally(1, int(rate_limited), now, now)
            else:
                tally.failures += 1
                tally.rate_limited += int(rate_limited)
                tally.last_at = now
            full = len(self._buffer) >= self._max_buffered
            if self._thread is None and self._background and not self._closed:
                self._thread = threading.Thread(target=self._run, name="auth-failure-recorder", daemon=True)
                self._thread.start()
        if full or self._closed:
            self.flush()

    # ------------------------------------------------------------------ writing
    def flush(self) -> int:
        """Upsert what is buffered now; returns how many rows were written (0 on failure, logged)."""
        with self._write_lock:
            with self._lock:
                batch, self._buffer = self._buffer, {}
            if not batch:
                return 0
            rows: list[dict[str, Any]] = [
                {
                    "key": f"{window}/{reason}/{source}",
                    "window_start": _at(window),
                    "window_seconds": self.window_seconds,
                    "source": source,
                    "reason": reason,
                    "failures": tally.failures,
                    "rate_limited": tally.rate_limited,
                    "first_at": _at(tally.first_at),
                    "last_at": _at(tally.last_at),
                }
                for (window, source, reason), tally in batch.items()
            ]
            rows.sort(key=lambda row: str(row["key"]))  # one lock order for every worker (no deadlocks)
            try:
                with self._db.session() as session:
                    for start in range(0, len(rows), _UPSERT_BATCH):
                        _upsert(session, rows[start : start + _UPSERT_BATCH])
            except Exception:
                log.exception("could not write %d auth failure count(s)", len(rows))
                return 0
            return len(rows)

    def summarize(self, now: float | None = None) -> dict[str, Any] | None:
        """Claim the closed windows' unsummarized rows and append one summary event (None: nothing new).

        A window counts as closed 2 x ``flush_seconds`` + 5 s after its end, so that every worker has
        written its counts for it by then.
        """
        if self._audit is None:
            return None
        now = self._clock() if now is None else now
        grace = 2 * self._flush_seconds + 5
        cutoff = _at(now - grace - self.window_seconds)
        claimed_at = _at(now)
        with self._db.session() as session:
            claimed = session.execute(
                update(AuthFailureCount)
                .where(AuthFailureCount.summarized_at.is_(None), AuthFailureCount.window_start <= cutoff)
                .values(summarized_at=claimed_at)
                .returning(
                    AuthFailureCount.key,
                    AuthFailureCount.window_start,
                    AuthFailureCount.window_seconds,
                    AuthFailureCount.source,
                    AuthFailureCount.reason,
                    AuthFailureCount.failures,
                    AuthFailureCount.rate_limited,
                )
            ).all()
        if not claimed:
            return None
        details = summary_details(claimed)
        try:
            return dict(
                self._audit().record(
                    None,
                    actor="anonymous",
                    actor_kind="anonymous",
                    action=SUMMARY_ACTION,
                    resource=f"auth_failures:{details['from']}/{details['until']}",
                    outcome="denied",
                    status=401,
                    request_id=None,
                    details=details,
                )
            )
        except Exception:
            log.critical("AUDIT WRITE FAILED for %s: %r", SUMMARY_ACTION, details, exc_info=True)
            with self._db.session() as session:  # unclaim: the next summary carries them
                session.execute(
                    update(AuthFailureCount)
                    .where(AuthFailureCount.key.in_([row.key for row in claimed]))
                    .values(summarized_at=None)
                )
            return None

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.flush()

    def _run(self) -> None:
        next_summary = self._clock() + self._summary_seconds
        while not self._closed:
            self._wake.wait(self._flush_seconds)
            if self._closed:
                return
            self.flush()
            if self._clock() >= next_summary:
                next_summary = self._clock() + self._summary_seconds
                try:
                    self.summarize()
                except Exception:
                    log.exception("could not summarize auth failure counts")


def summary_details(rows: Sequence[Any]) -> dict[str, Any]:
    """Totals of claimed rows: per reason, distinct sources and the sources with the most failures."""
    failures, limited, reasons = 0, 0, Counter[str]()
    by_source: dict[str, Counter[str]] = {}
    start, end = None, None
    for row in rows:
        failures += row.failures
        limited += row.rate_limited
        reasons[row.reason] += row.failures
        tally = by_source.setdefault(row.source, Counter())
        tally["failures"] += row.failures
        tally["rate_limited"] += row.rate_limited
        tally[row.reason] += row.failures
        row_end = row.window_start + timedelta(seconds=row.window_seconds)
        start = row.window_start if start is None else min(start, row.window_start)
        end = row_end if end is None else max(end, row_end)
    top = sorted(by_source.items(), key=lambda item: (-item[1]["failures"], item[0]))[:TOP_SOURCES]
    assert start is not None and end is not None
    return {
        "from": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "until": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "failures": failures,
        "rate_limited": limited,
        "reasons": dict(sorted(reasons.items())),
        "sources": len(by_source),
        "top_sources": [
            {
                "source": source,
                "failures": tally["failures"],
                "rate_limited": tally["rate_limited"],
                "reasons": {r: n for r, n in sorted(tally.items()) if r not in ("failures", "rate_limited")},
            }
            for source, tally in top
        ],
    }


def counts(
    db: Database, *, since: datetime | None = None, source: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Stored counts, newest window first (what an operator reads; flush the recorder first)."""
    query = select(AuthFailureCount).order_by(
        AuthFailureCount.window_start.desc(), AuthFailureCount.failures.desc(), AuthFailureCount.key
    )
    if since is not None:
        query = query.where(AuthFailureCount.window_start >= since)
    if source is not None:
        query = query.where(AuthFailureCount.source == normalize_source(source))
    with db.session() as session:
        return [
            {
                "window_start": row.window_start,
                "window_seconds": row.window_seconds,
                "source": row.source,
                "reason": row.reason,
                "failures": row.failures,
                "rate_limited": row.rate_limited,
                "first_at": row.first_at,
                "last_at": row.last_at,
                "summarized_at": row.summarized_at,
            }
            for row in session.scalars(query.limit(limit))
        ]


def _upsert(session: Session, rows: list[dict[str, Any]]) -> None:
    table = AuthFailureCount
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        for row in rows:  # other databases: read-modify-write (not concurrency-safe across workers)
            existing = session.get(table, row["key"])
            if existing is None:
                session.add(table(**row))
            else:
                existing.failures += row["failures"]
                existing.rate_limited += row["rate_limited"]
                existing.last_at = max(existing.last_at, row["last_at"])
        session.flush()
        return
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(table).values(rows)
    excluded = stmt.excluded
    later: ColumnElement[Any] = case(
        (excluded.last_at > table.last_at, excluded.last_at), else_=table.last_at
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[table.key],
            set_={
                "failures": table.failures + excluded.failures,
                "rate_limited": table.rate_limited + excluded.rate_limited,
                "last_at": later,
            },
        )
    )
