"""U+0000 in any text a client sends is a 400 naming the field, on SQLite and PostgreSQL alike (PostgreSQL
text cannot hold it: without the check the store would fail with a 500)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.conftest import bearer

Mint = Callable[..., str]


def sre(mint: Mint) -> dict[str, str]:
    return bearer(mint("usr_alice", tenants={"acme": ["sre"]}))


async def test_nul_in_a_body_field_is_400_and_nothing_is_stored(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    body = {"title": "db\u0000down", "severity": "sev2", "summary": "ok", "labels": {"k\u0000": "v"}}
    r = await client.post("/v1/tenants/acme/incidents", json=body, headers=sre(mint))
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json", r.text
    fields = {e["field"] for e in r.json()["errors"] if "NUL" in e["message"]}
    assert "title" in fields, r.json()
    listed = (await client.get("/v1/tenants/acme/incidents", headers=sre(mint))).json()["items"]
    assert not any("down" in i["title"] and "db" in i["title"] for i in listed)


async def test_nul_in_a_query_parameter_is_400(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.get("/v1/tenants/acme/search", params={"q": "check\u0000out"}, headers=sre(mint))
    assert r.status_code == 400, r.text
    assert [e["field"] for e in r.json()["errors"]] == ["q"]
