"""Idempotency-Key: replay, conflict, in-flight duplicate, 5xx not stored, expiry, key validation."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from companyos_server.platform.middleware import platform_http
from companyos_server.platform.middleware.idempotency import request_fingerprint
from companyos_server.platform.middleware.models import IdempotencyKeyRow
from companyos_server.platform.storage import utcnow
from tests.unit.platform import apphelpers
from tests.unit.platform.conftest import auth

BASE = "https://docs.companyos.dev/problems/"


def key(value: str) -> dict[str, str]:
    return {**auth(), "Idempotency-Key": value}


def rows(runtime: Any) -> int:
    with runtime.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(IdempotencyKeyRow)) or 0)


async def test_same_key_and_body_replays_the_first_response(
    api: httpx.AsyncClient, platform_runtime: Any
) -> None:
    first = await api.post("/v1/things", json={"name": "a"}, headers=key("k-1"))
    second = await api.post("/v1/things", json={"name": "a"}, headers=key("k-1"))
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() == {"id": "thg_1", "n": 1, "name": "a"}
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["content-type"] == first.headers["content-type"]
    assert "x-not-stored" not in second.headers  # only selected headers are stored
    assert second.headers["x-request-id"] != first.headers["x-request-id"]
    assert apphelpers.COUNTERS["create"] == 1
    assert rows(platform_runtime) == 1


async def test_different_body_is_409(api: httpx.AsyncClient) -> None:
    await api.post("/v1/things", json={"name": "a"}, headers=key("k-2"))
    r = await api.post("/v1/things", json={"name": "b"}, headers=key("k-2"))
    assert r.status_code == 409
    assert r.json()["type"] == BASE + "idempotency-key-reused"
    assert r.headers["content-type"] == "application/problem+json"
    assert apphelpers.COUNTERS["create"] == 1


def test_the_fingerprint_covers_the_query_in_any_order() -> None:
    """``?dry_run=true`` and a real run under one key are different requests, not a replay."""

    def fp(query: bytes, body: bytes = b"{}") -> str:
        return request_fingerprint({"type": "http", "query_string": query}, body)

    assert fp(b"dry_run=true&x=1") == fp(b"x=1&dry_run=true")
    assert fp(b"dry_run=true") != fp(b"") != fp(b"", b'{"a": 1}')
    assert fp(b"a=1&a=2") != fp(b"a=2")


async def test_keys_are_scoped_to_the_caller_and_path(api: httpx.AsyncClient) -> None:
    a = await api.post("/v1/things", json={"name": "a"}, headers={**auth("alice"), "Idempotency-Key": "same"})
    b = await api.post("/v1/things", json={"name": "a"}, headers={**auth("bob"), "Idempotency-Key": "same"})
    c = await api.post(
        "/v1/tenants/acme/things",
        json={"name": "a"},
        headers={**auth("alice", "acme"), "Idempotency-Key": "same"},
    )
    assert (a.json()["n"], b.json()["n"], c.json()["n"]) == (1, 2, 3)
    assert "idempotent-replayed" not in b.headers and "idempotent-replayed" not in c.headers


async def test_concurrent_duplicate_in_flight_is_409(api: httpx.AsyncClient) -> None:
    release = asyncio.Event()
    apphelpers.EVENTS["slow"] = release
    first = asyncio.create_task(api.post("/v1/slow", json={"name": "s"}, headers=key("k-slow")))
    for _ in range(200):
        if apphelpers.COUNTERS["slow"]:
            break
        await asyncio.sleep(0.01)
    assert apphelpers.COUNTERS["slow"] == 1
    dup = await api.post("/v1/slow", json={"name": "s"}, headers=key("k-slow"))
    assert dup.status_code == 409
    assert dup.json()["type"] == BASE + "idempotency-request-in-progress"
    assert dup.headers["retry-after"] == "1"
    release.set()
    done = await first
    assert done.status_code == 201
    again = await api.post("/v1/slow", json={"name": "s"}, headers=key("k-slow"))
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == done.json()
    assert apphelpers.COUNTERS["slow"] == 1


async def test_5xx_is_not_stored(api: httpx.AsyncClient, platform_runtime: Any) -> None:
    a = await api.post("/v1/server-error", json={"name": "x"}, headers=key("k-5"))
    b = await api.post("/v1/server-error", json={"name": "x"}, headers=key("k-5"))
    assert a.status_code == b.status_code == 503
    assert "idempotent-replayed" not in b.headers
    assert apphelpers.COUNTERS["create"] == 2
    assert rows(platform_runtime) == 0


async def test_rejected_request_is_not_stored(api: httpx.AsyncClient) -> None:
    bad = await api.post("/v1/things", json={"nome": "typo"}, headers=key("k-v"))
    assert bad.status_code == 400
    good = await api.post("/v1/things", json={"name": "fixed"}, headers=key("k-v"))
    assert good.status_code == 201  # not 409: the rejected attempt left nothing behind


async def test_entries_expire_after_24_hours(api: httpx.AsyncClient, platform_runtime: Any) -> None:
    store = platform_http(platform_runtime).idempotency
    assert store.ttl == timedelta(hours=24)
    await api.post("/v1/things", json={"name": "a"}, headers=key("k-exp"))
    store.clock = lambda: utcnow() + timedelta(hours=23, minutes=59)
    replay = await api.post("/v1/things", json={"name": "a"}, headers=key("k-exp"))
    assert replay.headers.get("idempotent-replayed") == "true"
    store.clock = lambda: utcnow() + timedelta(hours=24, seconds=1)
    fresh = await api.post("/v1/things", json={"name": "a"}, headers=key("k-exp"))
    assert "idempotent-replayed" not in fresh.headers
    assert fresh.json()["n"] == 2
    store.clock = lambda: utcnow() + timedelta(hours=49)
    assert store.purge_expired() == 1


@pytest.mark.parametrize("bad", ["", "has space", "x" * 256, "tab\there", "caf\u00e9"])
async def test_invalid_key_is_400(api: httpx.AsyncClient, bad: str) -> None:
    r = await api.post(
        "/v1/things", json={"name": "a"}, headers={**auth(), "Idempotency-Key": bad.encode("utf-8")}
    )
    assert r.status_code == 400
    doc = r.json()
    assert doc["type"] == BASE + "invalid-idempotency-key"
    assert doc["errors"][0]["field"] == "Idempotency-Key"
    assert apphelpers.COUNTERS["create"] == 0


async def test_without_a_key_every_post_runs(api: httpx.AsyncClient, platform_runtime: Any) -> None:
    await api.post("/v1/things", json={"name": "a"}, headers=auth())
    await api.post("/v1/things", json={"name": "a"}, headers=auth())
    assert apphelpers.COUNTERS["create"] == 2
    assert rows(platform_runtime) == 0


async def test_max_length_key_is_accepted(api: httpx.AsyncClient) -> None:
    r = await api.post("/v1/things", json={"name": "a"}, headers=key("k" * 255))
    assert r.status_code == 201
