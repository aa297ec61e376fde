"""The `api_overhead` baseline (benchmarks/bare_app.py) answers what our API answers, on the seeded data.

If it did less (fewer fields, other items), the benchmark's ratio would flatter it; if ours changes shape,
the baseline must follow. In-process through ASGI, no server processes, no timing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from benchmarks import bare_app, bare_store
from companyos_server.platform.runtime import Runtime
from tests.conftest import API, bearer

READS = [
    "/v1/tenants/acme/services?page_size=5",
    "/v1/tenants/acme/services?page_size=50",
    "/v1/tenants/acme/audit/events?page_size=50",
    # The baseline ranks name prefixes only: a page that prefix matches fill is the same in both.
    "/v1/tenants/acme/search?q=checkout&page_size=3",
]


def _plain(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return rest.removeprefix("/") if scheme == "sqlite" else f"{scheme.split('+', 1)[0]}://{rest}"


@pytest.fixture
async def bare(runtime: Runtime, client: httpx.AsyncClient) -> Any:
    database = _plain(runtime.settings.effective_database_url)
    bare_store.ensure_schema(database)
    jwks = (await client.get("/oauth2/jwks")).json()
    app = bare_app.create_app(
        database, jwks=jwks, issuer=runtime.settings.issuer, audience=runtime.settings.oidc_audience
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield http
    app.state.store.close()


async def test_bare_reads_answer_our_json(
    client: httpx.AsyncClient, bare: httpx.AsyncClient, mint: Callable[..., str]
) -> None:
    headers = bearer(mint("usr_bench", tenants={"acme": ["sre"]}))
    # Audited writes first: the audit page is not empty, the search has prefix matches to fill a page,
    # and a pushed sample feeds an SLO summary.
    for n in range(3):
        body = {"name": f"checkout-bench-{n}", "owner": {"team": "payments"}, "tier": "tier-2"}
        created = await client.post("/v1/tenants/acme/services", json=body, headers=headers)
        assert created.status_code == 201, created.text
    services = (await client.get("/v1/tenants/acme/services", headers=headers)).json()["items"]
    with_slo = next(s for s in services if s["slo"]["objective"] is not None)
    push = {"samples": [{"ts": "2026-11-30T09:00:00Z", "good": 95, "total": 100}]}
    path = f"/v1/tenants/acme/services/{with_slo['id']}/sli-samples"
    pushed = await client.post(path, json=push, headers=headers)
    assert pushed.status_code == 200, pushed.text
    for path in READS:
        ours = await client.get(path, headers=headers)
        theirs = await bare.get(path, headers=headers)
        assert ours.status_code == theirs.status_code == 200, (path, ours.text, theirs.text)
        a, b = ours.json(), theirs.json()
        assert sorted(a) == sorted(b), path
        assert a["items"], f"{path}: nothing to compare"
        assert a["items"] == b["items"], path
        assert (a["next_page_token"] is None) == (b["next_page_token"] is None), path


async def test_bare_sli_push_answers_our_fields_and_refuses_like_ours(
    client: httpx.AsyncClient, bare: httpx.AsyncClient, mint: Callable[..., str]
) -> None:
    writer = bearer(mint("usr_bench", tenants={"acme": ["sre"]}))
    service = (await client.get("/v1/tenants/acme/services", headers=writer)).json()["items"][0]["id"]
    path = f"/v1/tenants/acme/services/{service}/sli-samples"
    answers = []
    for http, ts in ((client, "2026-11-30T10:00:00Z"), (bare, "2026-11-30T10:01:00Z")):
        r = await http.post(path, json={"samples": [{"ts": ts, "good": 9, "total": 10}]}, headers=writer)
        assert r.status_code == 200, r.text
        answers.append(r.json())
    ours, theirs = answers
    assert sorted(ours) == sorted(theirs)
    assert {k: v for k, v in ours.items() if k not in ("from", "to")} == {
        k: v for k, v in theirs.items() if k not in ("from", "to")
    }
    assert theirs["from"] == "2026-11-30T10:01:00+00:00"

    viewer = bearer(mint("usr_viewer", tenants={"acme": ["viewer"]}))
    stranger = bearer(mint("usr_globex", tenants={"globex": ["sre"]}))
    body = {"samples": [{"ts": "2026-11-30T10:02:00Z", "good": 1, "total": 1}]}
    for headers, status in ((viewer, 403), (stranger, 404)):
        ours_r = await client.post(path, json=body, headers=headers)
        bare_r = await bare.post(path, json=body, headers=headers)
        assert ours_r.status_code == bare_r.status_code == status, (ours_r.text, bare_r.text)
    assert (await bare.get(READS[0])).status_code == 401
