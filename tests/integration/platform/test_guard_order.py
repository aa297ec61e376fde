"""The edge decides permission before step-up, and its problems never name internal modules."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.conftest import bearer

PATH = "/v1/tenants/acme/policies/catalog/no-viewer-incidents"
RULE = {"effect": "forbid", "actions": ["incidents:read"], "roles": ["viewer"], "reason": "audit week"}


async def test_a_caller_without_the_permission_gets_403_not_a_step_up_challenge(
    client: httpx.AsyncClient, mint: Callable[..., str]
) -> None:
    viewer = bearer(mint("usr_vic", tenants={"acme": ["viewer"]}))
    r = await client.put(PATH, json=RULE, headers=viewer)
    assert r.status_code == 403, r.text
    assert r.json()["type"].endswith("/permission-denied")
    assert "www-authenticate" not in r.headers


async def test_a_permitted_caller_without_mfa_gets_the_step_up_challenge_in_plain_words(
    client: httpx.AsyncClient, mint: Callable[..., str]
) -> None:
    admin = bearer(mint("usr_ada", tenants={"acme": ["tenant_admin"]}))
    r = await client.put(PATH, json=RULE, headers=admin)
    assert r.status_code == 401, r.text
    assert 'error="insufficient_user_authentication"' in r.headers["www-authenticate"]
    detail = r.json()["detail"]
    assert "'update_policy' is a high-risk operation" in detail
    assert "companyos_server" not in r.text
