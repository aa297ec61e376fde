"""Cross-worker cache invalidation: one shared epoch number in the database.

Every server worker keeps short-lived caches of data that changes rarely and is read on every request
(tenant rows, tenant policies and exceptions, the revocation list). A change bumps the epoch in the
database (:meth:`CacheEpoch.bump`); every worker compares its last seen epoch with the stored one at
most every ``check_seconds`` and, when it moved, clears every subscribed cache. Local subscribers are
cleared at once, so the changing worker never serves its own stale copy.

Staleness in other workers is therefore bounded by ``check_seconds`` (0.25 s), not by a cache's TTL.
The epoch row is one integer: comparing costs one primary-key read per worker per interval, whatever
the request rate. Clearing everything on any change is deliberate: changes are rare, refilling a cache
is one query per tenant, and one number is simple to reason about across processes and hosts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from companyos_server.platform.cache.models import CacheEpochRow
from companyos_server.platform.storage import Database

log = logging.getLogger("companyos.cache")
CHECK_SECONDS = 0.25


class CacheEpoch:
    """The shared epoch, and the caches to clear when it moves."""

    def __init__(self, db: Database, *, check_seconds: float = CHECK_SECONDS) -> None:
        self._db = db
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._subscribers: list[Callable[[], None]] = []
        self._seen: int | None = None
        self._checked_at = float("-inf")

    def subscribe(self, clear: Callable[[], None]) -> None:
        """``clear()`` runs whenever any worker reports a change (and at once for this worker's own)."""
        with self._lock:
            self._subscribers.append(clear)

    def bump(self, session: Session | None = None) -> None:
        """Report a change: in ``session``'s transaction when given (visible when it commits)."""
        if session is None:
            with self._db.session() as own:
                self.bump_in(own)
        else:
            self.bump_in(session)
        self._clear_local()

    def check(self) -> None:
        """Clear the caches when another worker changed something (at most one read per interval)."""
        now = time.monotonic()
        if now - self._checked_at < self._check_seconds:
            return
        with self._lock:
            if now - self._checked_at < self._check_seconds:
                return
            self._checked_at = now
        try:
            with self._db.engine.connect() as conn:
                current = conn.execute(select(CacheEpochRow.epoch).where(CacheEpochRow.id == 1)).scalar()
        except SQLAlchemyError as exc:  # a cache must not fail a request: the caches' TTLs still bound age
            log.warning("cache epoch unavailable (%s); caches age out by TTL", type(exc).__name__)
            return
        current = int(current or 0)
        if self._seen is not None and current != self._seen:
            self._clear_local()
        self._seen = current

    @staticmethod
    def bump_in(session: Session) -> None:
        """Move the shared epoch in ``session``'s transaction (for writers without the runtime at hand)."""
        result = session.execute(
            update(CacheEpochRow).where(CacheEpochRow.id == 1).values(epoch=CacheEpochRow.epoch + 1)
        )
        changed = getattr(result, "rowcount", 0)
        if not changed:  # a database migrated before the row existed, or emptied by hand
            session.add(CacheEpochRow(id=1, epoch=1))

    def _clear_local(self) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for clear in subscribers:
            clear()
