"""Issue 9 item 5: requests without a valid bearer token are limited per client address and counted,
not appended to the ``_platform`` audit chain one by one.

Bounded request loops against the real app (in-process ASGI, one client address per transport), on
SQLite and PostgreSQL. Before the fix every garbage-token request appended a signed event to the
``_platform`` chain and nothing limited them.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from companyos_server.platform import authfailures
from companyos_server.platform.audit.models import PLATFORM_CHAIN, AuditEventRow
from companyos_server.platform.authfailures.recorder import AuthFailureRecorder, counts
from companyos_server.platform.identity.revocation import notify_revoked, revoke_jti
from companyos_server.platform.middleware import platform_http
from companyos_server.platform.middleware.ratelimit import (
    Limiter,
    MemoryRateLimiter,
    RedisRateLimiter,
    SharedFileRateLimiter,
)
from companyos_server.platform.runtime import Runtime
from tests.conftest import API, REDIS_URL, bearer, requires_redis

ATTACKER = "198.51.100.7"
NEIGHBOUR = "203.0.113.20"
LIMIT = 5
N = 25
GARBAGE = {"Authorization": "Bearer not-a-jwt"}
RATE_LIMITED = "https://docs.companyos.dev/problems/rate-limited"


def platform_chain_size(runtime: Runtime) -> int:
    with runtime.db.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEventRow)
                .where(AuditEventRow.tenant_id == PLATFORM_CHAIN)
            )
            or 0
        )


def recorder_of(runtime: Runtime) -> AuthFailureRecorder:
    recorder = runtime.extras[authfailures.EXTRAS_KEY]
    assert isinstance(recorder, AuthFailureRecorder)
    return recorder


def stored(runtime: Runtime) -> list[dict[str, Any]]:
    recorder_of(runtime).flush()
    return counts(runtime.db)


AppFactory = Callable[..., Any]


@pytest.fixture
def limited_app(runtime: Runtime, seeded: dict[str, Any]) -> AppFactory:
    """The real app with rate limits on (the test settings turn them off), on a limiter of choice."""

    def make(limiter: Limiter | None = None, **overrides: Any) -> Any:
        from companyos_server.app import build_app

        runtime.settings = runtime.settings.model_copy(
            update={"rate_limit_enabled": True, "rate_limit_unauthenticated": LIMIT, **overrides}
        )
        if limiter is not None:
            platform_http(runtime).limiter = limiter
        return build_app(runtime, validate_responses=True)

    return make


@asynccontextmanager
async def client_at(app: Any, address: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(address, 40123))
    async with httpx.AsyncClient(transport=transport, base_url=API) as client:
        yield client


def assert_limited(responses: list[httpx.Response], limit: int = LIMIT) -> None:
    statuses = [r.status_code for r in responses]
    assert statuses == [401] * limit + [429] * (len(responses) - limit), statuses
    for i, r in enumerate(responses[:limit]):
        assert r.headers["ratelimit-policy"] == f'"unauthenticated";q={limit};w=60'
        assert re.fullmatch(rf'"unauthenticated";r={limit - 1 - i};t=\d+', r.headers["ratelimit"]), r.headers
        assert r.headers["www-authenticate"].startswith('Bearer error="invalid_token"')
    for r in responses[limit:]:
        assert r.headers["content-type"].startswith("application/problem+json")
        problem = r.json()
        assert (problem["type"], problem["status"], problem["title"]) == (
            RATE_LIMITED,
            429,
            "Too Many Requests",
        )
        assert problem["request_id"] == r.headers["x-request-id"]
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert r.headers["ratelimit-policy"] == f'"unauthenticated";q={limit};w=60'
        assert r.headers["ratelimit"].startswith('"unauthenticated";r=0;')


async def test_garbage_tokens_are_limited_per_address_and_counted_not_chained(
    runtime: Runtime, limited_app: AppFactory
) -> None:
    app = limited_app()
    before = platform_chain_size(runtime)
    async with client_at(app, ATTACKER) as attacker:
        reads = [await attacker.get("/v1/tenants/acme", headers=GARBAGE) for _ in range(N)]
        # Mutations were audited too (outcome "denied"): the same limit and the same counting.
        writes = [
            await attacker.post("/v1/tenants", headers=GARBAGE, json={"id": "initech", "display_name": "I"})
            for _ in range(3)
        ]
    assert_limited(reads)
    assert [w.status_code for w in writes] == [429] * 3
    assert platform_chain_size(runtime) == before, "no refused request appends an event of its own"

    [row] = stored(runtime)
    assert (row["source"], row["reason"]) == (ATTACKER, authfailures.INVALID_TOKEN)
    assert (row["failures"], row["rate_limited"]) == (N + 3, N + 3 - LIMIT)
    assert row["window_seconds"] == 60 and row["summarized_at"] is None

    # The counts reach the signed trail as one summary event, however many requests there were.
    event = recorder_of(runtime).summarize(now=time.time() + 3600)
    assert event is not None
    assert platform_chain_size(runtime) == before + 1
    assert (event["action"], event["actor"], event["outcome"], event["status"]) == (
        "auth.token_failures",
        "anonymous",
        "denied",
        401,
    )
    details = event["details"]
    assert (details["failures"], details["rate_limited"], details["sources"]) == (N + 3, N + 3 - LIMIT, 1)
    assert details["reasons"] == {"invalid_token": N + 3}
    assert details["top_sources"] == [
        {
            "source": ATTACKER,
            "failures": N + 3,
            "rate_limited": N + 3 - LIMIT,
            "reasons": {"invalid_token": N + 3},
        }
    ]
    assert recorder_of(runtime).summarize(now=time.time() + 3600) is None, "a window is summarized once"
    assert platform_chain_size(runtime) == before + 1
    assert runtime.audit.verify(None)["ok"]


async def test_the_limit_is_per_address_and_never_charges_a_valid_token(
    runtime: Runtime, limited_app: AppFactory, mint: Callable[..., str]
) -> None:
    app = limited_app()
    alice = bearer(mint("usr_alice", tenants={"acme": ["sre"]}))
    async with client_at(app, ATTACKER) as attacker, client_at(app, NEIGHBOUR) as neighbour:
        assert_limited([await attacker.get("/v1/tenants/acme", headers=GARBAGE) for _ in range(LIMIT + 2)])
        # A principal behind the same address is limited by its own (tenant) bucket only.
        ok = await attacker.get("/v1/tenants/acme", headers=alice)
        assert ok.status_code == 200, ok.text
        assert ok.headers["ratelimit-policy"].startswith('"')
        assert "unauthenticated" not in ok.headers["ratelimit-policy"]
        # Another address has a bucket of its own.
        assert_limited([await neighbour.get("/v1/tenants/acme", headers=GARBAGE) for _ in range(LIMIT + 1)])
    assert {(r["source"], r["failures"]) for r in stored(runtime)} == {
        (ATTACKER, LIMIT + 2),
        (NEIGHBOUR, LIMIT + 1),
    }


async def test_missing_expired_and_revoked_tokens_are_counted_by_reason(
    runtime: Runtime, limited_app: AppFactory, mint: Callable[..., str]
) -> None:
    app = limited_app(rate_limit_unauthenticated=50)
    expired = mint("usr_alice", tenants={"acme": ["sre"]}, ttl=-120)
    revoked = mint("usr_alice", tenants={"acme": ["sre"]})
    claims = json.loads(base64.urlsafe_b64decode(revoked.split(".")[1] + "=="))
    with runtime.db.session() as session:
        revoke_jti(session, claims["jti"], claims["exp"])
    notify_revoked()
    before = platform_chain_size(runtime)
    async with client_at(app, ATTACKER) as attacker:
        for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, bearer(expired), bearer(revoked)):
            r = await attacker.post(
                "/v1/tenants", headers=headers, json={"id": "initech", "display_name": "I"}
            )
            assert r.status_code == 401, r.text
    assert platform_chain_size(runtime) == before
    by_reason = {r["reason"]: r["failures"] for r in stored(runtime)}
    assert by_reason == {"missing_token": 2, "expired_token": 1, "revoked_token": 1}


async def test_metrics_show_refusals_by_reason_and_the_unauthenticated_tier(
    runtime: Runtime, limited_app: AppFactory
) -> None:
    app = limited_app()
    async with client_at(app, ATTACKER) as attacker:
        for _ in range(LIMIT + 3):
            await attacker.get("/v1/tenants/acme", headers=GARBAGE)
        await attacker.get("/v1/tenants/acme")
        text = (await attacker.get("/metrics")).text
    assert 'companyos_auth_failures_total{reason="invalid_token"} 8.0' in text
    assert 'companyos_auth_failures_total{reason="missing_token"} 1.0' in text
    assert 'companyos_rate_limited_total{tier="unauthenticated"} 4.0' in text


async def test_without_rate_limits_refusals_are_still_counted_not_chained(runtime: Runtime, app: Any) -> None:
    before = platform_chain_size(runtime)
    async with client_at(app, ATTACKER) as attacker:
        statuses = {(await attacker.get("/v1/tenants/acme", headers=GARBAGE)).status_code for _ in range(N)}
    assert statuses == {401}
    assert platform_chain_size(runtime) == before
    assert [(r["failures"], r["rate_limited"]) for r in stored(runtime)] == [(N, 0)]


def _shared_file(tmp_path: Path) -> Iterator[tuple[Limiter, Limiter]]:
    path = tmp_path / "ratelimit.sqlite"
    yield SharedFileRateLimiter(path), SharedFileRateLimiter(path)


def _redis(tmp_path: Path) -> Iterator[tuple[Limiter, Limiter]]:
    if not REDIS_URL:
        pytest.skip("COMPANYOS_TEST_REDIS_URL is not set")
    prefix = f"companyos:test:{secrets.token_hex(6)}:"
    first, second = RedisRateLimiter(REDIS_URL, prefix=prefix), RedisRateLimiter(REDIS_URL, prefix=prefix)
    try:
        yield first, second
    finally:
        for key in first.client.scan_iter(prefix + "*"):
            first.client.delete(key)


@pytest.mark.parametrize("backend", ["memory", "shared_file", pytest.param("redis", marks=requires_redis)])
async def test_every_limiter_backend_keeps_the_address_bucket(
    runtime: Runtime, limited_app: AppFactory, tmp_path: Path, backend: str
) -> None:
    pairs: Iterator[tuple[Limiter, Limiter]]
    if backend == "memory":
        pairs = iter([(MemoryRateLimiter(), MemoryRateLimiter())])
    elif backend == "shared_file":
        pairs = _shared_file(tmp_path)
    else:
        pairs = _redis(tmp_path)
    first, second = next(pairs)
    try:
        app = limited_app(first)
        async with client_at(app, ATTACKER) as attacker:
            assert_limited(
                [await attacker.get("/v1/tenants/acme", headers=GARBAGE) for _ in range(LIMIT + 2)]
            )
        if backend != "memory":
            # Another worker on the same file / Redis sees the same empty bucket.
            assert second.hit(f"unauth:{ATTACKER}", LIMIT, 60).allowed is False
        else:
            assert second.hit(f"unauth:{ATTACKER}", LIMIT, 60).allowed is True  # memory: per process
    finally:
        pairs_close = getattr(pairs, "close", None)
        if pairs_close is not None:
            pairs_close()
