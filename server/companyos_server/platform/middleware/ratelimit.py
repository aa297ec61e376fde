"""Rate limits per tenant tier (GCRA): in memory (one worker), shared by a host's workers through a
SQLite file, or shared through Redis.

Configuration (environment, read once per app):
  COMPANYOS_RATE_LIMITS="free=120,standard=600,enterprise=3000"   requests per window, per tier
  COMPANYOS_RATE_LIMIT_WINDOW_SECONDS=60
  COMPANYOS_RATE_LIMIT_PREFIX="companyos:rl:"                      Redis key prefix
The key is the tenant for tenant-scoped operations (its tier from the tenant row) and the
principal's subject for tenantless ones (tier ``standard``). Public operations are not limited.

Requests refused for want of a valid bearer token (missing, malformed, forged, expired, revoked) never
reach a principal's bucket: :class:`UnauthenticatedLimitMiddleware` charges them to a bucket of their
client address (tier ``unauthenticated``, ``COMPANYOS_RATE_LIMIT_UNAUTHENTICATED`` requests per window,
tighter than any tier) on the same limiter, and counts them (``platform/authfailures``) instead of
letting each one append an audit event. A valid token from that address is never charged to it.

GCRA ("generic cell rate algorithm"): each key stores one number, the theoretical arrival time
(TAT). A request at ``now`` is allowed when ``max(TAT, now) + T - window <= now`` with
``T = window / limit``; the stored TAT then advances by ``T``. It allows bursts of up to ``limit``
requests and refills smoothly, and it gives exact remaining/reset values for the headers.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from connexion.exceptions import ProblemException
from starlette.types import ASGIApp, Receive, Scope, Send

from companyos_server.platform import authfailures
from companyos_server.platform.files import private_sqlite_file
from companyos_server.platform.identity.throttle import normalize_source
from companyos_server.platform.logs import operation_id_var
from companyos_server.platform.middleware.root import routed_operation
from companyos_server.platform.problems import problem_exception
from companyos_server.platform.requestctx import scope_state

logger = logging.getLogger("companyos.ratelimit")

DEFAULT_LIMITS = {"free": 120, "standard": 600, "enterprise": 3000}
DEFAULT_TIER = "standard"
UNAUTHENTICATED_TIER = "unauthenticated"


@dataclass(frozen=True)
class RateLimitConfig:
    limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    window_seconds: int = 60
    prefix: str = "companyos:rl:"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> RateLimitConfig:
        env = os.environ if environ is None else environ
        limits = dict(DEFAULT_LIMITS)
        raw = env.get("COMPANYOS_RATE_LIMITS", "").strip()
        if raw:
            for part in raw.split(","):
                if not part.strip():
                    continue
                tier, sep, value = part.partition("=")
                if not sep or not tier.strip() or not value.strip().isdigit() or int(value) <= 0:
                    raise ValueError(
                        f"COMPANYOS_RATE_LIMITS: expected 'tier=positive-int,…', got {part.strip()!r}"
                    )
                limits[tier.strip()] = int(value)
        window = env.get("COMPANYOS_RATE_LIMIT_WINDOW_SECONDS", "60").strip()
        if not window.isdigit() or int(window) <= 0:
            raise ValueError(
                f"COMPANYOS_RATE_LIMIT_WINDOW_SECONDS must be a positive integer, got {window!r}"
            )
        prefix = env.get("COMPANYOS_RATE_LIMIT_PREFIX", "companyos:rl:")
        return cls(limits=limits, window_seconds=int(window), prefix=prefix)

    def limit_for(self, tier: str) -> int:
        return self.limits.get(tier) or self.limits.get(DEFAULT_TIER) or DEFAULT_LIMITS[DEFAULT_TIER]


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int
    retry_after: int  # 0 when allowed


def _gcra(tat: float | None, now: float, limit: int, window: float) -> tuple[bool, float, Decision]:
    """Pure GCRA step: (allowed, new_tat, decision). Times in seconds."""
    interval = window / limit
    tat = max(tat or now, now)
    new_tat = tat + interval
    allow_at = new_tat - window
    if allow_at > now + 1e-9:
        retry = allow_at - now
        return False, tat, Decision(False, limit, 0, max(1, math.ceil(tat - now)), max(1, math.ceil(retry)))
    remaining = math.floor((window - (new_tat - now)) / interval + 1e-9)
    return True, new_tat, Decision(True, limit, max(0, remaining), max(1, math.ceil(new_tat - now)), 0)


class MemoryRateLimiter:
    """Process-local GCRA (thread-safe). Fine for one worker; use Redis for several."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._tats: dict[str, float] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def hit(self, key: str, limit: int, window: float) -> Decision:
        with self._lock:
            now = self.clock()
            allowed, new_tat, decision = _gcra(self._tats.get(key), now, limit, window)
            if allowed:
                self._tats[key] = new_tat
            self._calls += 1
            if self._calls % 1024 == 0:  # forget keys whose bucket is full again
                self._tats = {k: v for k, v in self._tats.items() if v > now}
            return decision


class SharedFileRateLimiter:
    """GCRA shared by every worker of one host through a small SQLite file (no Redis configured).

    One ``BEGIN IMMEDIATE`` transaction per hit on a table of (key, TAT): SQLite's write lock makes
    the read-modify-write atomic across processes. The file holds nothing that must survive a crash
    (``synchronous=OFF``): losing it only refills every bucket. Times are wall-clock seconds, which
    every process on the host shares. Several hosts need Redis (``COMPANYOS_REDIS_URL``).
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock
        self._local = threading.local()
        self._calls = 0

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            private_sqlite_file(self.path)  # 0600, like every file under the var dir
            conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, tat REAL NOT NULL)")
            self._local.conn = conn
        return conn

    def hit(self, key: str, limit: int, window: float) -> Decision:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            now = self.clock()
            row = conn.execute("SELECT tat FROM buckets WHERE key = ?", (key,)).fetchone()
            allowed, new_tat, decision = _gcra(row[0] if row else None, now, limit, window)
            if allowed:
                conn.execute(
                    "INSERT INTO buckets (key, tat) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET tat = excluded.tat",
                    (key, new_tat),
                )
            self._calls += 1
            if self._calls % 1024 == 0:  # forget keys whose bucket is full again
                conn.execute("DELETE FROM buckets WHERE tat <= ?", (now,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return decision


# KEYS[1] = key; ARGV = limit, window_ms. Server time keeps every worker on one clock.
_GCRA_LUA = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = window / limit
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - window
if allow_at > now then
  return {0, 0, math.ceil(tat - now), math.ceil(allow_at - now)}
end
redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil(new_tat - now) + 1000)
local remaining = math.floor((window - (new_tat - now)) / interval)
return {1, remaining, math.ceil(new_tat - now), 0}
"""


class RedisRateLimiter:
    """GCRA in one Lua script (atomic), shared by every worker that points at the same Redis."""

    def __init__(self, url_or_client: Any, prefix: str = "companyos:rl:") -> None:
        import redis

        self.client = redis.Redis.from_url(url_or_client) if isinstance(url_or_client, str) else url_or_client
        self.prefix = prefix
        self._script = self.client.register_script(_GCRA_LUA)

    def hit(self, key: str, limit: int, window: float) -> Decision:
        allowed, remaining, reset_ms, retry_ms = self._script(
            keys=[self.prefix + key], args=[limit, int(window * 1000)]
        )
        return Decision(
            bool(int(allowed)),
            limit,
            max(0, int(remaining)),
            max(1, math.ceil(int(reset_ms) / 1000)),
            max(1, math.ceil(int(retry_ms) / 1000)) if not int(allowed) else 0,
        )


Limiter = MemoryRateLimiter | SharedFileRateLimiter | RedisRateLimiter


def build_limiter(settings: Any, config: RateLimitConfig) -> Limiter:
    """Redis when configured; else a file every worker shares when there are several; else memory."""
    if getattr(settings, "redis_url", None):
        return RedisRateLimiter(settings.redis_url, prefix=config.prefix)
    if getattr(settings, "workers", 1) > 1:
        return SharedFileRateLimiter(Path(settings.var_dir) / "ratelimit.sqlite")
    return MemoryRateLimiter()


def policy_headers(tier: str, decision: Decision, window: int) -> dict[str, str]:
    return {
        "RateLimit-Policy": f'"{tier}";q={decision.limit};w={window}',
        "RateLimit": f'"{tier}";r={decision.remaining};t={decision.reset_seconds}',
    }


def rate_limited(tier: str, decision: Decision, window: int, detail: str) -> ProblemException:
    """The 429 problem, with ``Retry-After`` and the RateLimit headers."""
    return problem_exception(
        429,
        "rate-limited",
        f"{detail}; retry in {decision.retry_after} s.",
        title="Too Many Requests",
        headers={"Retry-After": str(decision.retry_after), **policy_headers(tier, decision, window)},
    )


async def take(limiter: Limiter, key: str, limit: int, window: int) -> Decision | None:
    """One hit on ``key``'s bucket; None when the limiter is unavailable (the caller fails open)."""
    try:
        if not isinstance(limiter, RedisRateLimiter):  # local and short: not worth a thread hop
            return limiter.hit(key, limit, window)
        return await anyio.to_thread.run_sync(limiter.hit, key, limit, window)
    except Exception as exc:  # noqa: BLE001 - Redis down: serve, loudly, rather than refuse everything
        logger.warning("rate limiter unavailable (%s); request not limited", type(exc).__name__)
        return None


def subject_of(state: dict[str, Any], scope: Scope) -> str | None:
    principal = state.get("principal")
    if principal is None:
        token_info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
        if isinstance(token_info, dict):
            principal = token_info.get("principal")
            if principal is None and token_info.get("sub"):
                return str(token_info["sub"])
    return getattr(principal, "subject", None)


class _LimiterMiddleware:
    """What both limiting middlewares are built with (connexion passes these as keyword options)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        runtime: Any,
        config: RateLimitConfig,
        limiter: Limiter,
        metrics: Any = None,
    ) -> None:
        self.app = app
        self.runtime = runtime
        self.config = config
        self.limiter = limiter
        self.metrics = metrics


class RateLimitMiddleware(_LimiterMiddleware):
    """Connexion middleware (after the guard): limits routed, non-public operations."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        operation_id = routed_operation(scope)
        state = scope_state(scope)  # type: ignore[arg-type]
        if operation_id:
            state["operation_id"] = operation_id
            operation_id_var.set(operation_id)
        info = self.runtime.spec.get(operation_id) if operation_id else None
        if not self.runtime.settings.rate_limit_enabled or info is None or info.public:
            await self.app(scope, receive, send)
            return
        key, tier = self._key(scope, state)
        limit = self.config.limit_for(tier)
        window = self.config.window_seconds
        decision = await self._hit(key, limit, window)
        if decision is None:  # limiter unavailable: fail open
            await self.app(scope, receive, send)
            return
        headers = policy_headers(tier, decision, window)
        state.setdefault("response_headers", {}).update(headers)
        if not decision.allowed:
            if self.metrics is not None:
                self.metrics.rate_limited.labels(tier).inc()
            raise rate_limited(
                tier,
                decision,
                window,
                f"Rate limit of {limit} requests per {window} s for tier '{tier}' exceeded",
            )
        await self.app(scope, receive, send)

    def _key(self, scope: Scope, state: dict[str, Any]) -> tuple[str, str]:
        ctx = state.get("tenant_context")
        if ctx is not None:
            tier = state.get("tenant_tier") or DEFAULT_TIER
            return f"tenant:{ctx.tenant_id}", str(tier)
        subject = subject_of(state, scope)
        if subject:
            return f"sub:{subject}", DEFAULT_TIER
        client = scope.get("client") or ("anonymous", 0)
        return f"ip:{client[0]}", DEFAULT_TIER

    async def _hit(self, key: str, limit: int, window: int) -> Decision | None:
        return await take(self.limiter, key, limit, window)


_TOKEN_REASONS = {
    "token has expired": authfailures.EXPIRED_TOKEN,
    "token has been revoked": authfailures.REVOKED_TOKEN,
}


def failure_reason(scope: Scope, exc: ProblemException) -> str:
    """Why a request got no principal: no bearer token at all, or which kind of bad one."""
    for key, value in scope.get("headers", []):
        if key == b"authorization":
            scheme, _, token = value.decode("latin-1").strip().partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return _TOKEN_REASONS.get(str(exc.detail or ""), authfailures.INVALID_TOKEN)
    return authfailures.MISSING_TOKEN


class UnauthenticatedLimitMiddleware(_LimiterMiddleware):
    """Connexion middleware between audit and security: limits and counts requests without a principal.

    A protected operation's 401 raised with no principal (the bearer token is missing or fails
    validation) costs one hit on the client address's bucket (tier ``unauthenticated``): the 401 carries
    the RateLimit headers, and once the bucket is empty the answer is 429 instead. Either way the
    request is counted by the runtime's auth-failure recorder and marked so that the audit middleware
    writes no chained event for it. Requests that authenticate are not touched.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        except ProblemException as exc:
            if exc.status != 401 or subject_of(scope_state(scope), scope) is not None:  # type: ignore[arg-type]
                raise
            refusal = await self._refused(scope, exc)
            if refusal is exc:
                raise
            raise refusal from None

    async def _refused(self, scope: Scope, exc: ProblemException) -> ProblemException:
        state = scope_state(scope)  # type: ignore[arg-type]
        reason = failure_reason(scope, exc)
        address = (scope.get("client") or (None, 0))[0]
        settings = self.runtime.settings
        decision: Decision | None = None
        window = self.config.window_seconds
        if settings.rate_limit_enabled:
            key = f"unauth:{normalize_source(address)}"
            decision = await take(self.limiter, key, settings.rate_limit_unauthenticated, window)
            if decision is not None:
                state.setdefault("response_headers", {}).update(
                    policy_headers(UNAUTHENTICATED_TIER, decision, window)
                )
        limited = decision is not None and not decision.allowed
        recorder = self.runtime.extras.get(authfailures.EXTRAS_KEY)
        if recorder is not None:
            recorder.record(address, reason, rate_limited=limited)
            state[authfailures.COUNTED] = reason
        if self.metrics is not None:
            self.metrics.auth_failures.labels(reason).inc()
        if decision is None or decision.allowed:
            return exc
        if self.metrics is not None:
            self.metrics.rate_limited.labels(UNAUTHENTICATED_TIER).inc()
        return rate_limited(
            UNAUTHENTICATED_TIER,
            decision,
            window,
            f"Too many requests without a valid bearer token from this address (limit {decision.limit} "
            f"per {window} s)",
        )
