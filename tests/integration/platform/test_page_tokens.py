"""Signed page tokens through HTTP: a token works only on the list (operation, tenant, filters) that issued
it; forged, edited and rotated-key tokens are a documented 400 ``invalid-page-token``."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from typing import Any

import httpx

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
SERVICES = "/v1/tenants/acme/services"
PROBLEM_TYPE = "https://docs.companyos.dev/problems/invalid-page-token"


def viewer(mint: Mint, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_viewer", tenants={tenant: ["viewer"]}))


def admin(mint: Mint) -> dict[str, str]:
    token = mint("usr_platform", scopes=["openid", "api", "platform:admin", "tenants:cross"])
    return {**bearer(token), "X-CompanyOS-Purpose": "page token tests"}


async def first_token(client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any) -> str:
    r = await client.get(path, params={"page_size": 1, **params}, headers=headers)
    assert r.status_code == 200, r.text
    token = r.json()["next_page_token"]
    assert token
    return str(token)


def assert_refused(r: httpx.Response, reason: str = "") -> None:
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["type"] == PROBLEM_TYPE
    assert body["errors"] == [
        {
            "field": "page_token",
            "message": "not a token returned by this list with the same filters",
            "code": "invalid",
        }
    ]
    assert reason in body["detail"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


async def test_a_real_token_walks_every_page_once(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = viewer(mint)
    seen: list[str] = []
    token: str | None = None
    while True:
        params: dict[str, Any] = {"page_size": 3, "environment": "production"}
        if token:
            params["page_token"] = token
        r = await client.get(SERVICES, params=params, headers=headers)
        assert r.status_code == 200, r.text
        seen += [s["name"] for s in r.json()["items"]]
        token = r.json()["next_page_token"]
        if not token:
            break
    assert len(seen) == 9 and seen == sorted(set(seen))  # the catalog's 8 and ledger-ops


async def test_a_forged_unsigned_token_is_refused(client: httpx.AsyncClient, mint: Mint) -> None:
    # What a token looked like before they were signed: base64url JSON of the last key and the filters'
    # fingerprint, which anybody could compute.
    fingerprint = hashlib.sha256(json.dumps({}, sort_keys=True).encode()).hexdigest()[:16]
    forged = _b64(json.dumps({"a": "a", "f": fingerprint}).encode())
    r = await client.get(SERVICES, params={"page_token": forged}, headers=viewer(mint))
    assert_refused(r, "not a page token")
    # Well-formed but signed by nobody.
    made_up = _b64(json.dumps({"k": "ak_0", "a": "a"}).encode()) + "." + _b64(b"\0" * 32)
    assert_refused(await client.get(SERVICES, params={"page_token": made_up}, headers=viewer(mint)))


async def test_an_edited_token_is_refused(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = viewer(mint)
    token = await first_token(client, SERVICES, headers)
    payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["a"] = ""  # rewind to the start
    edited = _b64(json.dumps(data, separators=(",", ":")).encode()) + "." + signature
    r = await client.get(SERVICES, params={"page_token": edited, "page_size": 1}, headers=headers)
    assert_refused(r, "signature does not match")
    # The untouched token still works.
    assert (
        await client.get(SERVICES, params={"page_token": token, "page_size": 1}, headers=headers)
    ).status_code == 200


async def test_a_token_of_other_filters_is_refused(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = viewer(mint)
    token = await first_token(client, SERVICES, headers)
    r = await client.get(
        SERVICES, params={"page_token": token, "page_size": 1, "tier": "tier-0"}, headers=headers
    )
    assert_refused(r)


async def test_a_token_of_another_tenant_is_refused(client: httpx.AsyncClient, mint: Mint) -> None:
    # Same operation, same (empty) filters, same caller: only the tenant differs.
    headers = admin(mint)
    token = await first_token(client, "/v1/tenants/acme/flags", headers)
    r = await client.get("/v1/tenants/globex/flags", params={"page_token": token}, headers=headers)
    assert_refused(r)
    r = await client.get("/v1/tenants/acme/flags", params={"page_token": token}, headers=headers)
    assert r.status_code == 200, r.text


async def test_a_token_of_another_operation_is_refused(client: httpx.AsyncClient, mint: Mint) -> None:
    # Both operations list deployments with the same filters; a token still belongs to the one that issued it.
    headers = viewer(mint)
    services = (await client.get(SERVICES, params={"name_prefix": "checkout-api"}, headers=headers)).json()
    service_id = services["items"][0]["id"]
    token = await first_token(client, "/v1/tenants/acme/deployments", headers, service_id=service_id)
    r = await client.get(
        f"{SERVICES}/{service_id}/deployments", params={"page_token": token, "page_size": 1}, headers=headers
    )
    assert_refused(r)
    r = await client.get(
        "/v1/tenants/acme/deployments",
        params={"page_token": token, "page_size": 1, "service_id": service_id},
        headers=headers,
    )
    assert r.status_code == 200, r.text


async def test_a_token_signed_before_a_key_rotation_is_refused(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    headers = viewer(mint)
    token = await first_token(client, SERVICES, headers)
    runtime.audit.keyring.rotate()
    r = await client.get(SERVICES, params={"page_token": token, "page_size": 1}, headers=headers)
    assert_refused(r, "rotated")
    fresh = await first_token(client, SERVICES, headers)
    assert (
        await client.get(SERVICES, params={"page_token": fresh, "page_size": 1}, headers=headers)
    ).status_code == 200
