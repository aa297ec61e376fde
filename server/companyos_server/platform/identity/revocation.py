"""The revoked-``jti`` list: written by the provider, read (from memory) by the token validator.

Why in memory: validation must stay ~0.2 ms, so it cannot query the database per token. The set of
revoked, not-yet-expired access tokens is small (access tokens live minutes), so each process keeps a
copy and reloads it every few seconds, or at once when this process itself revoked something.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from companyos_server.platform.cache.epoch import CacheEpoch
from companyos_server.platform.identity.models import IdpRevokedToken
from companyos_server.platform.storage import Database

log = logging.getLogger(__name__)

# Bumped by every revocation in this process, so local readers reload without waiting.
_generation = 0
_generation_lock = threading.Lock()


def notify_revoked() -> None:
    """Call after committing revocations so readers in this process reload at once."""
    global _generation
    with _generation_lock:
        _generation += 1


def revoke_jti(session: Session, jti: str, expires_at: int, reason: str = "revoked") -> None:
    """Record ``jti`` as revoked until ``expires_at`` (idempotent).

    Commits with the caller's session; call :func:`notify_revoked` after the commit.
    """
    if session.get(IdpRevokedToken, jti) is None:
        session.add(IdpRevokedToken(jti=jti, expires_at=int(expires_at), reason=reason))
        CacheEpoch.bump_in(session)  # every worker reloads its list within the epoch's check interval


def purge_expired(session: Session, now: int | None = None) -> int:
    """Drop entries whose token has expired anyway; returns how many."""
    cutoff = int(time.time()) if now is None else now
    result = session.execute(delete(IdpRevokedToken).where(IdpRevokedToken.expires_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


class RevocationUnavailable(Exception):
    """The list could not be loaded and the last good copy is too old to trust."""


class RevocationList:
    """A per-process cache of revoked ``jti`` values."""

    def __init__(
        self,
        db: Database,
        *,
        refresh_seconds: float = 5.0,
        max_stale_seconds: float = 60.0,
        epoch: CacheEpoch | None = None,
    ) -> None:
        self._db = db
        self._epoch = epoch
        if epoch is not None:
            epoch.subscribe(self._expire)
        self._refresh_seconds = refresh_seconds
        self._max_stale_seconds = max_stale_seconds
        self._lock = threading.Lock()
        self._revoked: frozenset[str] = frozenset()
        self._loaded_at: float | None = None
        self._loaded_generation = -1

    def is_revoked(self, jti: str) -> bool:
        """True when ``jti`` is revoked; raises :class:`RevocationUnavailable` when we cannot tell."""
        if self._epoch is not None:
            self._epoch.check()
        now = time.monotonic()
        if (
            self._loaded_at is None
            or now - self._loaded_at >= self._refresh_seconds
            or self._loaded_generation != _generation
        ):
            self._refresh(now)
        return jti in self._revoked

    def _expire(self) -> None:
        """Another worker revoked something: reload on the next check."""
        self._loaded_generation = -1

    def _refresh(self, now: float) -> None:
        with self._lock:
            generation = _generation
            try:
                with self._db.session() as session:
                    cutoff = int(time.time())
                    rows = session.scalars(
                        select(IdpRevokedToken.jti).where(IdpRevokedToken.expires_at >= cutoff)
                    ).all()
            except SQLAlchemyError as exc:
                if self._loaded_at is not None and now - self._loaded_at < self._max_stale_seconds:
                    log.warning(
                        "revocation list refresh failed; using the copy from %.0fs ago: %s",
                        now - self._loaded_at,
                        type(exc).__name__,
                    )
                    return
                raise RevocationUnavailable("the token revocation list is unavailable") from exc
            self._revoked = frozenset(rows)
            self._loaded_at = now
            self._loaded_generation = generation
