"""Brute-force protection for the built-in provider: failed sign-ins and wrong client secrets.

Three counters per attempt, kept in ``idp_throttle`` so that every server worker sees the same state:

- **subject + source** (an account, or a client id, tried from one source address) — the hard part.
  After ``free_failures`` failures that address may try that subject once every
  2^(n - free_failures) seconds, capped at ``backoff_cap``. A stranger's guesses slow the stranger,
  never the real user signing in from their own address.
- **subject** (all addresses) — the soft part: the same backoff counted over every address, applied
  only to addresses that are failing themselves (``suspicious_source`` failures or more in the reset
  period, on any subject). It slows guesses spread over many addresses, yet no one can lock an
  account: an attempt from a clean address is always checked.
- **source** — a GCRA bucket over failures on any subject (``source_burst`` per ``source_period``).
  Once it is empty every attempt from that address is refused until it drips again.

A refusal happens before any password or secret is checked and says how long to wait (Retry-After).
Failures are counted alike for known and unknown subjects, so the throttle reveals no user names and
the timing of a failed sign-in stays the same either way.

Subjects are normalised (NFKC, trimmed, case-folded) and every key is a SHA-256: "GABE" and " gabe "
are one account, and the table holds no user name, client id or address. Only failures write; a
check is one indexed read. A counter resets ``reset_after`` seconds after its last failure, and
housekeeping deletes it then (``retention.py``): the table holds three small rows per (subject,
address) that failed within the last ``reset_after`` seconds, and an address can add at most
``source_burst`` of those a period.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from companyos_server.platform.identity.models import IdpThrottle
from companyos_server.platform.storage import Database

ACCOUNT = "acct"
CLIENT = "client"
_KINDS = frozenset({ACCOUNT, CLIENT})
UNKNOWN_SOURCE = "unknown"


@dataclass(frozen=True)
class ThrottlePolicy:
    free_failures: int = 5
    backoff_cap: float = 900.0
    reset_after: float = 3600.0
    source_burst: int = 20
    source_period: float = 60.0
    suspicious_source: int = 5

    @property
    def emission_interval(self) -> float:
        """GCRA: the time one failure occupies in a source's bucket."""
        return self.source_period / self.source_burst

    def backoff(self, failures: int) -> float:
        """Seconds between attempts after ``failures`` consecutive failures (0 while still free)."""
        if failures < self.free_failures:
            return 0.0
        # The exponent is clamped before the power: counters can grow without bound, floats cannot.
        exponent = min(failures - self.free_failures, 62)
        return float(min(2.0**exponent, self.backoff_cap))


@dataclass(frozen=True)
class Verdict:
    """The outcome of :meth:`Throttle.check`."""

    retry_after: int  # whole seconds to wait; 0: the attempt may be checked
    reason: str | None = None  # the counter that refused: "source", "subject_source" or "subject"
    known: bool = False  # the subject has live failure counters (a success clears them)

    @property
    def allowed(self) -> bool:
        return self.retry_after == 0


def normalize_subject(value: str) -> str:
    """The form a user name or client id is counted under."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def normalize_source(address: str | None) -> str:
    """The source an attempt is counted under: an IPv4 address, or the /64 of an IPv6 one.

    One IPv6 host usually holds a whole /64, so counting single v6 addresses would give it 2^64 buckets.
    """
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return UNKNOWN_SOURCE
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Keys:
    subject: str
    pair: str
    source: str

    @classmethod
    def of(cls, kind: str, subject: str, source: str | None) -> _Keys:
        if kind not in _KINDS:
            raise ValueError(f"unknown throttle kind {kind!r}")
        name, address = normalize_subject(subject), normalize_source(source)
        return cls(
            subject=f"{kind}:{_digest(name)}",
            pair=f"{kind}+src:{_digest(name, address)}",
            source=f"src:{_digest(address)}",
        )

    def all(self) -> list[str]:
        return sorted((self.subject, self.pair, self.source))


class Throttle:
    """Database-backed failure counters (see the module docstring); ``clock`` is epoch seconds."""

    def __init__(
        self,
        db: Database,
        *,
        policy: ThrottlePolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.policy = policy or ThrottlePolicy()
        self.clock = clock

    def check(self, kind: str, subject: str, source: str | None) -> Verdict:
        """May an attempt on ``subject`` from ``source`` be checked now?"""
        keys = _Keys.of(kind, subject, source)
        now, policy = self.clock(), self.policy
        with self.db.session() as session:
            rows = {
                row.key: row
                for row in session.scalars(select(IdpThrottle).where(IdpThrottle.key.in_(keys.all())))
            }
        live = {key: row for key, row in rows.items() if row.last_failure_at > now - policy.reset_after}
        pair, whole, src = live.get(keys.pair), live.get(keys.subject), live.get(keys.source)
        waits: list[tuple[float, str]] = []
        if pair is not None and pair.not_before > now:
            waits.append((pair.not_before - now, "subject_source"))
        if src is not None:
            interval = policy.emission_interval
            # GCRA: one more failure must still fit within the burst; otherwise wait for the overflow.
            overflow = max(src.not_before, now) + interval - now - interval * policy.source_burst
            if overflow > 0:
                waits.append((overflow, "source"))
        suspicious = src is not None and src.failures >= policy.suspicious_source
        if whole is not None and suspicious and whole.not_before > now:
            waits.append((whole.not_before - now, "subject"))
        known = pair is not None or whole is not None
        if not waits:
            return Verdict(0, None, known)
        wait, reason = max(waits)
        return Verdict(max(1, math.ceil(wait)), reason, known)

    def failed(self, kind: str, subject: str, source: str | None) -> None:
        """Count one failed attempt against the subject, the subject from this source, and the source."""
        keys = _Keys.of(kind, subject, source)
        now, policy = self.clock(), self.policy
        expires = datetime.fromtimestamp(now + policy.reset_after, UTC)
        stale = IdpThrottle.last_failure_at <= now - policy.reset_after
        with self.db.session() as session:
            # Keys in a fixed order: two workers counting the same attempt lock rows in the same order.
            for key in keys.all():
                self._ensure_row(session, key, expires)
                values: dict[str, Any] = {
                    "failures": case((stale, 1), else_=IdpThrottle.failures + 1),
                    "last_failure_at": now,
                    "expires_at": expires,
                }
                if key == keys.source:
                    interval = policy.emission_interval
                    values["not_before"] = case(
                        (IdpThrottle.not_before > now, IdpThrottle.not_before + interval),
                        else_=now + interval,
                    )
                # One statement reads and bumps the counter, so concurrent failures are never lost.
                failures = session.execute(
                    update(IdpThrottle)
                    .where(IdpThrottle.key == key)
                    .values(**values)
                    .returning(IdpThrottle.failures)
                ).scalar_one()
                if key != keys.source:
                    session.execute(
                        update(IdpThrottle)
                        .where(IdpThrottle.key == key)
                        .values(not_before=now + policy.backoff(failures))
                    )

    def succeeded(self, kind: str, subject: str, source: str | None, verdict: Verdict) -> None:
        """Clear the subject's counters after a successful attempt (the source's bucket stays)."""
        if not verdict.known:
            return  # nothing to clear: successful attempts write nothing
        keys = _Keys.of(kind, subject, source)
        with self.db.session() as session:
            session.execute(delete(IdpThrottle).where(IdpThrottle.key.in_([keys.subject, keys.pair])))

    def _ensure_row(self, session: Session, key: str, expires: datetime) -> None:
        dialect = session.get_bind().dialect.name
        values = {"key": key, "failures": 0, "last_failure_at": 0.0, "not_before": 0.0, "expires_at": expires}
        if dialect == "postgresql":
            session.execute(postgresql.insert(IdpThrottle).values(**values).on_conflict_do_nothing())
        elif dialect == "sqlite":
            session.execute(sqlite.insert(IdpThrottle).values(**values).on_conflict_do_nothing())
        elif session.get(IdpThrottle, key) is None:
            session.add(IdpThrottle(**values))
            session.flush()
