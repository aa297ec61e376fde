"""Pagination: lazy page fetching, .pages(), async for."""

from __future__ import annotations

import httpx

from .conftest import TENANT


def pages_side_effect(calls: list[str | None]):
    def respond(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("page_token")
        calls.append(token)
        nxt = {None: "p2", "p2": "p3", "p3": None}[token]
        items = [{**TENANT, "id": f"t-{token or 'p1'}-{i}"} for i in range(2)]
        return httpx.Response(200, json={"items": items, "next_page_token": nxt})

    return respond


def test_iteration_fetches_pages_lazily(api, make_client):
    calls: list[str | None] = []
    api.get("/v1/tenants").mock(side_effect=pages_side_effect(calls))
    pager = make_client().tenants.list(page_size=2)
    assert calls == []  # nothing fetched until iterated
    iterator = iter(pager)
    assert next(iterator)["id"] == "t-p1-0"
    next(iterator)
    assert calls == [None]
    assert next(iterator)["id"] == "t-p2-0"
    assert calls == [None, "p2"]
    assert len(list(iterator)) == 3
    assert calls == [None, "p2", "p3"]


def test_pages_and_page_size_query(api, make_client):
    calls: list[str | None] = []
    route = api.get("/v1/tenants").mock(side_effect=pages_side_effect(calls))
    pages = list(make_client().tenants.list(page_size=2, tier="enterprise").pages())
    assert [p.next_page_token for p in pages] == ["p2", "p3", None]
    assert [len(p.items) for p in pages] == [2, 2, 2]
    params = route.calls[0].request.url.params
    assert params["page_size"] == "2" and params["tier"] == "enterprise" and "page_token" not in params


async def test_async_for_across_pages(api, make_async_client):
    calls: list[str | None] = []
    api.get("/v1/tenants").mock(side_effect=pages_side_effect(calls))
    async with make_async_client() as client:
        ids = [t["id"] async for t in client.tenants.list()]
        assert len(ids) == 6
        pages = [p async for p in client.tenants.list().pages()]
        assert len(pages) == 3
        first = await client.tenants.list().first_page()
        assert first.has_next_page()


def test_raw_list_returns_first_page_response(api, make_client):
    calls: list[str | None] = []
    api.get("/v1/tenants").mock(side_effect=pages_side_effect(calls))
    raw = make_client().with_raw_response.tenants.list()
    assert raw.status_code == 200 and raw.parse().next_page_token == "p2"
