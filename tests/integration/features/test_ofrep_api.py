"""OFREP through HTTP (SQLite and PostgreSQL): the shared vectors, bulk ETags, errors, cache reasons."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.domains.features import ofrep
from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"
OFREP = f"{BASE}/environments/production/ofrep/v1/evaluate/flags"
VECTORS = json.loads((Path(__file__).parents[2] / "unit" / "features" / "flag_vectors.json").read_text())


def admin(mint: Mint) -> dict[str, str]:
    token = mint(
        "usr_acme_admin", tenants={"acme": ["tenant_admin"]}, acr=ACR_MFA, auth_time=int(time.time())
    )
    return bearer(token)


def viewer(mint: Mint, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_viewer", tenants={tenant: ["viewer"]}))


async def create_vector_flags(client: httpx.AsyncClient, mint: Mint) -> None:
    """The vector flags; ``future-rule`` (an operator the API refuses: configuration written by
    a newer server) is stored directly."""
    from companyos_server.domains.tenant_config import store
    from companyos_server.platform.runtime import get_runtime

    for flag in VECTORS["flags"]:
        # The demo seed has flags of the same keys (``checkout-copy``): the vectors' versions win.
        with get_runtime().db.session() as session:
            seeded = store.get_flag(session, "acme", flag["key"])
            if seeded is not None:
                session.delete(seeded)
        future = flag["key"] == "future-rule"
        body = {k: v for k, v in flag.items() if v is not None and k != "rules"}
        body["key"] = flag["key"]
        body["rules"] = [] if future else flag["rules"]
        r = await client.post(f"{BASE}/flags", json=body, headers=admin(mint))
        assert r.status_code == 201, r.text
        if future:
            with get_runtime().db.session() as session:
                row = store.get_flag(session, "acme", body["key"])
                assert row is not None
                row.rules = flag["rules"]


async def test_server_matches_the_shared_vectors(client: httpx.AsyncClient, mint: Mint) -> None:
    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    headers = viewer(mint)
    for case in VECTORS["cases"]:
        url = f"{BASE}/environments/{case['environment']}/ofrep/v1/evaluate/flags/{case['flag']}"
        r = await client.post(url, json={"context": case["context"]}, headers=headers)
        expected = case["expected"]
        assert r.status_code == (400 if "errorCode" in expected else 200), r.text
        assert r.json() == expected, case


async def test_bulk_etag_not_found_and_invalid_context(client: httpx.AsyncClient, mint: Mint) -> None:
    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    headers = viewer(mint)
    body = {"context": {"targetingKey": "user-2", "plan": "pro"}}
    first = await client.post(OFREP, json=body, headers=headers)
    assert first.status_code == 200, first.text
    etag = first.headers["etag"]
    keys = [f["key"] for f in first.json()["flags"]]
    assert "plan-ui" in keys and keys == sorted(keys)
    again = await client.post(OFREP, json=body, headers={**headers, "If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and again.content == b""
    other = await client.post(
        OFREP, json={"context": {"targetingKey": "user-3"}}, headers={**headers, "If-None-Match": etag}
    )
    assert other.status_code == 200 and other.headers["etag"] != etag
    r = await client.patch(f"{BASE}/flags/static-on", json={"enabled": False}, headers=admin(mint))
    assert r.status_code == 200, r.text
    changed = await client.post(OFREP, json=body, headers={**headers, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag

    missing = await client.post(f"{OFREP}/no-such-flag", json={}, headers=headers)
    assert missing.status_code == 404
    assert missing.json() == {
        "key": "no-such-flag",
        "errorCode": "FLAG_NOT_FOUND",
        "errorDetails": "Tenant 'acme' has no flag 'no-such-flag'.",
    }
    bad = await client.post(f"{OFREP}/static-on", json={"context": [1, 2]}, headers=headers)
    assert bad.status_code == 400 and bad.json()["errorCode"] == "INVALID_CONTEXT"
    bad_key = await client.post(f"{OFREP}/static-on", json={"context": {"targetingKey": 7}}, headers=headers)
    assert bad_key.status_code == 400 and bad_key.json()["errorCode"] == "INVALID_CONTEXT"
    bulk_bad = await client.post(OFREP, json={"context": "x"}, headers=headers)
    assert bulk_bad.status_code == 400 and bulk_bad.json()["errorCode"] == "INVALID_CONTEXT"
    no_body = await client.post(f"{OFREP}/plan-ui", headers=headers)
    assert no_body.status_code == 200 and no_body.json()["reason"] == "DEFAULT"


async def test_cached_and_stale_reasons(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: pytest.MonkeyPatch
) -> None:
    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    headers = viewer(mint)
    url = f"{OFREP}/static-on"
    assert (await client.post(url, json={}, headers=headers)).json()["reason"] == "STATIC"
    cached = await client.post(url, json={}, headers={**headers, "Cache-Control": "max-age=60"})
    assert cached.json()["reason"] == "CACHED" and cached.json()["value"] is True
    targeted = await client.post(
        f"{OFREP}/plan-ui",
        json={"context": {"plan": "pro"}},
        headers={**headers, "Cache-Control": "max-age=60"},
    )
    assert targeted.json()["reason"] == "TARGETING_MATCH"

    from sqlalchemy.exc import OperationalError

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("SELECT", {}, Exception("database unreachable"))

    from companyos_server.platform.runtime import get_runtime

    monkeypatch.setattr(get_runtime().db, "session", broken)
    monkeypatch.setattr(get_runtime().db.engine, "connect", broken)
    monkeypatch.setattr(ofrep.CACHE, "revalidate_seconds", 0.0)  # past the bound: the next request checks
    stale = await client.post(url, json={}, headers=headers)
    assert stale.status_code == 200 and stale.json()["reason"] == "STALE" and stale.json()["value"] is True


async def test_a_change_is_served_at_once_here_and_within_the_bound_from_elsewhere(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import update

    from companyos_server.domains.tenant_config.store import FlagRow
    from companyos_server.platform.runtime import get_runtime
    from companyos_server.platform.storage import utcnow

    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    now = [1000.0]
    monkeypatch.setattr(ofrep.CACHE, "_clock", lambda: now[0])
    headers = viewer(mint)
    url = f"{OFREP}/static-on"
    assert (await client.post(url, json={}, headers=headers)).json()["reason"] == "STATIC"

    # Through the flag store in this process: the very next evaluation sees it.
    r = await client.patch(f"{BASE}/flags/static-on", json={"enabled": False}, headers=admin(mint))
    assert r.status_code == 200, r.text
    assert (await client.post(url, json={}, headers=headers)).json()["reason"] == "DISABLED"

    # Written where this process hears nothing (another worker): served once the snapshot is past the bound.
    with get_runtime().db.session() as session:
        session.execute(
            update(FlagRow)
            .where(FlagRow.tenant_id == "acme", FlagRow.key == "static-on")
            .values(enabled=True, updated_at=utcnow())
        )
    now[0] += ofrep.CACHE.revalidate_seconds / 2
    assert (await client.post(url, json={}, headers=headers)).json()["reason"] == "DISABLED"
    now[0] += ofrep.CACHE.revalidate_seconds
    assert (await client.post(url, json={}, headers=headers)).json()["reason"] == "STATIC"


async def test_a_load_overtaken_by_a_committed_change_is_not_kept(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companyos_server.platform.runtime import get_runtime

    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    db = get_runtime().db
    real = ofrep.tenant_select

    def overtaken(*args: Any, **kwargs: Any) -> Any:
        ofrep.CACHE.forget("acme")  # a flag change commits while this load reads the flags
        return real(*args, **kwargs)

    monkeypatch.setattr(ofrep, "tenant_select", overtaken)
    snap, mode = ofrep.CACHE.load(db, "acme")
    assert mode == "fresh" and "static-on" in snap.flags
    assert ofrep.CACHE.ready(db, "acme") is None  # not kept: the next request reads the change
    monkeypatch.setattr(ofrep, "tenant_select", real)
    ofrep.CACHE.load(db, "acme")
    assert ofrep.CACHE.ready(db, "acme") is not None


async def test_flags_matching_regular_expressions_are_evaluated_off_the_event_loop(
    client: httpx.AsyncClient, mint: Mint, monkeypatch: pytest.MonkeyPatch
) -> None:
    import anyio.to_thread

    ofrep.CACHE.clear()
    await create_vector_flags(client, mint)
    real = anyio.to_thread.run_sync
    in_pool: list[str] = []

    async def watched(fn: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(fn, "func", None) is ofrep.evaluate_one:
            in_pool.append(fn.args[3])
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", watched)
    headers = viewer(mint)
    for _ in range(2):
        assert (await client.post(f"{OFREP}/static-on", json={}, headers=headers)).status_code == 200
    assert in_pool == [
        "static-on"
    ]  # the first loads the snapshot in the pool; the second answers on the loop

    rule = {"name": "staff", "environments": ["production"],
            "conditions": [{"attribute": "email", "operator": "matches", "values": ["@acme\\.example$"]}]}  # fmt: skip
    r = await client.post(f"{BASE}/flags", json={"key": "staff-only", "rules": [rule]}, headers=admin(mint))
    assert r.status_code == 201, r.text
    in_pool.clear()
    for _ in range(2):
        answer = await client.post(
            f"{OFREP}/staff-only", json={"context": {"email": "ann@acme.example"}}, headers=headers
        )
        assert answer.json()["reason"] == "TARGETING_MATCH", answer.text
    assert in_pool == ["staff-only", "staff-only"]


async def test_a_rolled_back_flag_change_is_not_announced(client: httpx.AsyncClient) -> None:
    from companyos_server.domains.tenant_config import flags as tenant_flags
    from companyos_server.platform.runtime import get_runtime

    heard: list[str] = []
    tenant_flags.on_change(heard.append)
    try:

        def write_then_fail() -> None:
            with get_runtime().db.session() as session:
                tenant_flags.create_flag_in(session, "acme", {"key": "never-committed", "enabled": True})
                raise RuntimeError("the caller fails after the write")

        with pytest.raises(RuntimeError):
            write_then_fail()
        assert heard == []
        with get_runtime().db.session() as session:
            tenant_flags.create_flag_in(session, "acme", {"key": "committed-once", "enabled": True})
        assert heard == ["acme"]
    finally:
        tenant_flags._listeners.remove(heard.append)


async def test_other_tenants_flags_are_not_found_and_unauthenticated_is_refused(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    await create_vector_flags(client, mint)
    r = await client.post(f"{OFREP}/static-on", json={}, headers=viewer(mint, "globex"))
    assert r.status_code == 404  # another tenant's member: the tenant is not even disclosed
    r = await client.post(f"{OFREP}/static-on", json={})
    assert r.status_code == 401


async def test_evaluations_are_reads_not_audited_writes(client: httpx.AsyncClient, mint: Mint) -> None:
    """OFREP says POST, but an evaluation changes nothing: it is authorised, buffered and audited as a
    read (x-companyos-safe), so thousands a second neither grow the audit chain nor wait on a commit."""
    from companyos_server.platform.audit.models import AuditEventRow
    from companyos_server.platform.runtime import get_runtime

    await create_vector_flags(client, mint)
    runtime = get_runtime()

    def audit_events() -> int:
        with runtime.db.session() as session:
            return session.query(AuditEventRow).count()

    before = audit_events()
    for i in range(5):
        r = await client.post(
            f"{OFREP}/static-on", json={"context": {"targetingKey": f"u{i}"}}, headers=viewer(mint)
        )
        assert r.status_code == 200
    assert (await client.post(OFREP, json={}, headers=viewer(mint))).status_code == 200
    assert audit_events() == before
    info = runtime.spec.get("ofrep_evaluate_flag")
    assert info.safe and runtime.spec.actions_for_resource("flag")["flags:read"].mutation is False


def test_only_non_mutating_posts_are_marked_safe() -> None:
    from companyos_server.platform.spec import SpecIndex

    safe = {o.operation_id: o for o in SpecIndex.load().operations.values() if o.safe}
    assert set(safe) == {"ofrep_evaluate_flag", "ofrep_evaluate_flags"}
    assert all(o.method == "POST" and (o.action or "").endswith(":read") for o in safe.values())
