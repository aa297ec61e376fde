"""Rate limits per tenant tier: headers, 429 + Retry-After, in memory and on Redis."""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.middleware.ratelimit import (
    MemoryRateLimiter,
    RateLimitConfig,
    RedisRateLimiter,
)
from tests.conftest import requires_redis
from tests.unit.platform import apphelpers
from tests.unit.platform.conftest import auth

REDIS_URL = os.environ.get("COMPANYOS_TEST_REDIS_URL")
LIMITS = "free=2,standard=3,enterprise=5"


def _app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **settings: Any) -> tuple[Any, Any]:
    monkeypatch.setenv("COMPANYOS_RATE_LIMITS", LIMITS)
    monkeypatch.setenv("COMPANYOS_RATE_LIMIT_PREFIX", f"companyos:test:{secrets.token_hex(6)}:")
    runtime = apphelpers.make_runtime(tmp_path, **{"rate_limit_enabled": True, **settings})
    return runtime, apphelpers.build_test_app(runtime)


@pytest.fixture
async def limited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[httpx.AsyncClient]:
    runtime, app = _app(tmp_path, monkeypatch)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        yield http
    runtime.close()


async def _tier_behaviour(http: httpx.AsyncClient) -> None:
    headers = auth("alice", "acme,globex")
    r1 = await http.get("/v1/tenants/acme/things", headers=headers)
    r2 = await http.get("/v1/tenants/acme/things", headers=headers)
    r3 = await http.get("/v1/tenants/acme/things", headers=headers)
    assert (r1.status_code, r2.status_code, r3.status_code) == (200, 200, 429)
    assert r1.headers["ratelimit-policy"] == '"free";q=2;w=60'
    assert re.fullmatch(r'"free";r=1;t=\d+', r1.headers["ratelimit"])
    assert re.fullmatch(r'"free";r=0;t=\d+', r2.headers["ratelimit"])
    doc = r3.json()
    assert r3.headers["content-type"] == "application/problem+json"
    assert doc["type"] == "https://docs.companyos.dev/problems/rate-limited"
    assert doc["status"] == 429 and doc["request_id"] == r3.headers["x-request-id"]
    assert 1 <= int(r3.headers["retry-after"]) <= 60
    assert r3.headers["ratelimit-policy"] == '"free";q=2;w=60'
    assert r3.headers["ratelimit"].startswith('"free";r=0;')
    # Another tenant, another tier, its own budget.
    statuses = [(await http.get("/v1/tenants/globex/things", headers=headers)).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


async def test_limits_follow_the_tenant_tier(limited: httpx.AsyncClient) -> None:
    await _tier_behaviour(limited)


async def test_tenant_budget_is_shared_by_its_callers(limited: httpx.AsyncClient) -> None:
    assert (await limited.get("/v1/tenants/acme/things", headers=auth("alice", "acme"))).status_code == 200
    assert (await limited.get("/v1/tenants/acme/things", headers=auth("bob", "acme"))).status_code == 200
    assert (await limited.get("/v1/tenants/acme/things", headers=auth("carol", "acme"))).status_code == 429


async def test_tenantless_operations_are_keyed_by_subject_on_standard(limited: httpx.AsyncClient) -> None:
    alice = [(await limited.get("/v1/things", headers=auth("alice"))) for _ in range(4)]
    assert [r.status_code for r in alice] == [200, 200, 200, 429]
    assert alice[0].headers["ratelimit-policy"] == '"standard";q=3;w=60'
    assert (await limited.get("/v1/things", headers=auth("bob"))).status_code == 200


async def test_public_operations_are_not_limited(limited: httpx.AsyncClient) -> None:
    for _ in range(10):
        r = await limited.get("/v1/health")
        assert r.status_code == 200
        assert "ratelimit" not in r.headers and "ratelimit-policy" not in r.headers


async def test_error_responses_of_limited_operations_carry_the_headers(limited: httpx.AsyncClient) -> None:
    r = await limited.post("/v1/tenants/acme/things", json={"bad": 1}, headers=auth("alice", "acme"))
    assert r.status_code == 400
    assert r.headers["ratelimit-policy"] == '"free";q=2;w=60'


async def test_disabled_means_no_limit_and_no_headers(api: httpx.AsyncClient) -> None:
    for _ in range(5):
        r = await api.get("/v1/tenants/acme/things", headers=auth("alice", "acme"))
        assert r.status_code == 200
        assert "ratelimit" not in r.headers


def test_gcra_refills_smoothly() -> None:
    now = [1000.0]
    limiter = MemoryRateLimiter(clock=lambda: now[0])
    decisions = [limiter.hit("k", 3, 60) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions[:3]] == [2, 1, 0]
    assert decisions[3].retry_after == 20
    now[0] += 19.5
    assert not limiter.hit("k", 3, 60).allowed
    now[0] += 0.5
    assert limiter.hit("k", 3, 60).allowed
    now[0] += 60
    assert limiter.hit("k", 3, 60).remaining == 2


def test_memory_limiter_is_thread_safe() -> None:
    limiter = MemoryRateLimiter()
    allowed = []

    def worker() -> None:
        for _ in range(50):
            allowed.append(limiter.hit("shared", 100, 3600).allowed)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert allowed.count(True) == 100


def test_config_parsing() -> None:
    config = RateLimitConfig.from_env(
        {"COMPANYOS_RATE_LIMITS": "free=10, enterprise=99", "COMPANYOS_RATE_LIMIT_WINDOW_SECONDS": "30"}
    )
    assert config.limits == {"free": 10, "standard": 600, "enterprise": 99}
    assert config.window_seconds == 30
    assert config.limit_for("unknown-tier") == 600
    assert RateLimitConfig.from_env({}).limits == {"free": 120, "standard": 600, "enterprise": 3000}
    for bad in ("free", "free=0", "free=abc", "=3"):
        with pytest.raises(ValueError, match="COMPANYOS_RATE_LIMITS"):
            RateLimitConfig.from_env({"COMPANYOS_RATE_LIMITS": bad})


# ----------------------------------------------------------------------------- Redis


@requires_redis
def test_redis_gcra_is_atomic_and_shared() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    prefix = f"companyos:test:{secrets.token_hex(6)}:"
    try:
        a = RedisRateLimiter(client, prefix=prefix)
        b = RedisRateLimiter(REDIS_URL, prefix=prefix)  # a second "worker"
        results = [(a if i % 2 else b).hit("tenant:acme", 4, 60) for i in range(5)]
        assert [r.allowed for r in results] == [True, True, True, True, False]
        assert [r.remaining for r in results[:4]] == [3, 2, 1, 0]
        assert results[4].retry_after >= 14
        assert 0 < client.pttl(prefix + "tenant:acme") <= 61_000

        allowed = []

        def worker() -> None:
            limiter = RedisRateLimiter(REDIS_URL, prefix=prefix)
            for _ in range(25):
                allowed.append(limiter.hit("tenant:race", 50, 3600).allowed)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert allowed.count(True) == 50
    finally:
        for k in client.scan_iter(prefix + "*"):
            client.delete(k)


@requires_redis
async def test_redis_backed_app_limits_per_tier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime, app = _app(tmp_path, monkeypatch, redis_url=REDIS_URL)
    from companyos_server.platform.middleware import platform_http

    limiter = platform_http(runtime).limiter
    assert isinstance(limiter, RedisRateLimiter)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            await _tier_behaviour(http)
        # A second app (another worker) on the same Redis shares the budget.
        other_runtime = apphelpers.make_runtime(tmp_path / "w2", rate_limit_enabled=True, redis_url=REDIS_URL)
        other = apphelpers.build_test_app(other_runtime)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url="http://t") as http:
            r = await http.get("/v1/tenants/acme/things", headers=auth("alice", "acme"))
            assert r.status_code == 429
        other_runtime.close()
    finally:
        for k in limiter.client.scan_iter(limiter.prefix + "*"):
            limiter.client.delete(k)
        runtime.close()


async def test_unreachable_redis_fails_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime, app = _app(tmp_path, monkeypatch, redis_url="redis://127.0.0.1:1/0")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        r = await http.get("/v1/tenants/acme/things", headers=auth("alice", "acme"))
    assert r.status_code == 200
    assert "ratelimit" not in r.headers
    runtime.close()
