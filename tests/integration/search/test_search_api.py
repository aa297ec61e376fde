from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from companyos_server.platform.policy import POLICY_DIR, PolicyEngine
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]

ENTITIES = [
    ("service", "svc_pay", "payments-api", {"environment": "production", "owner": "team-payments"}, ""),
    ("service", "svc_pay_stg", "payments-api", {"environment": "staging"}, ""),
    ("service", "svc_payout", "payouts-worker", {"environment": "production"}, ""),
    ("service", "svc_gw", "api-gateway", {"environment": "production"}, "routes payments traffic"),
    ("incident", "inc_1", "Payments API error rate", {"severity": "sev1"}, "checkout failing"),
    ("deployment", "dep_1", "payments-api v42", {"environment": "production"}, ""),
    ("secret_thing", "st_1", "payments signing secret", {}, ""),
]


def make_tenant(runtime: Runtime, tenant: str) -> None:
    """A tenant of our own: the demo seeds fill acme and globex with data of their own."""
    from companyos_server.domains.tenants import store as tenants_store
    from companyos_server.domains.tenants.store import TenantRow
    from companyos_server.platform.storage import utcnow

    with runtime.db.session() as s:
        if tenants_store.get(s, tenant) is None:
            now = utcnow()
            tenants_store.add(
                s, TenantRow(id=tenant, display_name=tenant, tier="standard", residency="eu", status="active",
                             labels={}, created_at=now, updated_at=now),
            )  # fmt: skip


def seed_graph(runtime: Runtime, tenant: str = "initech") -> None:
    make_tenant(runtime, tenant)
    with runtime.db.session() as s:
        for kind, ident, name, attrs, text in ENTITIES:
            runtime.graph.upsert_entity(
                s, tenant_id=tenant, kind=kind, entity_id=ident, name=name, attributes=attrs, text=text
            )


def member(mint: Mint, tenant: str, *roles: str, **kw: Any) -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{'_'.join(roles)}", tenants={tenant: list(roles)}, **kw))


async def test_typeahead_ranks_exact_then_prefix_then_name_then_body(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    seed_graph(runtime)
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "payments-api"}, headers=member(mint, "initech", "sre")
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [(i["ref"], i["match"]) for i in items[:2]] == [
        ("service:svc_pay", "exact"), ("service:svc_pay_stg", "exact"),
    ]  # fmt: skip
    assert ("deployment:dep_1", "prefix") in [(i["ref"], i["match"]) for i in items]
    assert [i["match"] for i in items] == sorted(
        (i["match"] for i in items), key=["exact", "prefix", "name", "body"].index
    )
    # a prefix of a word: "pay" → every payments thing, names before bodies
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay"}, headers=member(mint, "initech", "sre")
    )
    got = [(i["ref"], i["match"]) for i in r.json()["items"]]
    assert got[-1] == ("service:svc_gw", "body")
    assert ("service:svc_payout", "prefix") in got
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "api gate"}, headers=member(mint, "initech", "sre")
    )
    assert [i["ref"] for i in r.json()["items"]] == ["service:svc_gw"]


async def test_scoped_filters(client: httpx.AsyncClient, mint: Mint, runtime: Runtime) -> None:
    seed_graph(runtime)
    headers = member(mint, "initech", "sre")
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay", "kinds": "incident,deployment"}, headers=headers
    )
    assert sorted(i["ref"] for i in r.json()["items"]) == ["deployment:dep_1", "incident:inc_1"]
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "payments", "kinds": "service", "environment": "staging"},
        headers=headers,
    )  # fmt: skip
    assert [i["ref"] for i in r.json()["items"]] == ["service:svc_pay_stg"]
    r = await client.get("/v1/tenants/initech/search", params={"q": "team-payments"}, headers=headers)
    assert [i["ref"] for i in r.json()["items"]] == ["service:svc_pay"]  # attribute values are searchable
    r = await client.get("/v1/tenants/initech/search", params={"q": "!!!"}, headers=headers)
    assert r.status_code == 200 and r.json()["items"] == []


async def test_pages(client: httpx.AsyncClient, mint: Mint, runtime: Runtime) -> None:
    seed_graph(runtime)
    headers = {
        **bearer(mint("usr_root", scopes=["openid", "api", "platform:admin"])),
        "X-CompanyOS-Purpose": "search tests",
    }
    seen, token = [], None
    for _ in range(10):
        params = {"q": "pay", "page_size": 2, **({"page_token": token} if token else {})}
        body = (await client.get("/v1/tenants/initech/search", params=params, headers=headers)).json()
        seen += [i["ref"] for i in body["items"]]
        token = body["next_page_token"]
        if not token:
            break
    assert len(seen) == len(set(seen)) == 7
    bad = await client.get(
        "/v1/tenants/initech/search", params={"q": "x", "page_token": "garbage"}, headers=headers
    )
    assert bad.status_code == 400


async def test_results_never_include_kinds_the_caller_may_not_read(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    seed_graph(runtime)
    # The policies in force, plus one that denies viewers incidents (and secret_things has no grant at all).
    text = "\n".join(p.read_text() for p in sorted(POLICY_DIR.glob("*.cedar")))
    text += (
        '\n@id("test-viewers-no-incidents")\n@reason("viewers may not read incidents (test policy)")\n'
        'forbid (principal, action == CompanyOS::Action::"incidents:read", resource)\n'
        'when { context.roles.contains("viewer") };\n'
        '\n@id("test-members-read-services")\n@reason("members read services (test policy)")\n'
        'permit (principal, action in [CompanyOS::Action::"services:read", CompanyOS::Action::"incidents:read",'
        ' CompanyOS::Action::"deployments:read"], resource) when { context.member };\n'
    )
    runtime.__dict__["policy"] = PolicyEngine(text)
    viewer = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay"}, headers=member(mint, "initech", "viewer")
    )
    sre = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay"}, headers=member(mint, "initech", "sre")
    )
    viewer_kinds = {i["kind"] for i in viewer.json()["items"]}
    sre_kinds = {i["kind"] for i in sre.json()["items"]}
    assert viewer_kinds == {"service", "deployment"}
    assert sre_kinds == {"service", "deployment", "incident"}
    # asking for the denied kind explicitly returns nothing rather than leaking it
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay", "kinds": "incident,secret_thing"},
        headers=member(mint, "initech", "viewer"),
    )  # fmt: skip
    assert r.json()["items"] == []
    admin = {
        **bearer(mint("usr_root", scopes=["openid", "api", "platform:admin"])),
        "X-CompanyOS-Purpose": "search tests",
    }
    r = await client.get("/v1/tenants/initech/search", params={"q": "signing"}, headers=admin)
    assert [i["ref"] for i in r.json()["items"]] == ["secret_thing:st_1"]


async def test_search_is_tenant_isolated(client: httpx.AsyncClient, mint: Mint, runtime: Runtime) -> None:
    seed_graph(runtime, "umbrella")
    make_tenant(runtime, "initech")
    r = await client.get(
        "/v1/tenants/initech/search", params={"q": "pay"}, headers=member(mint, "initech", "sre")
    )
    assert r.status_code == 200 and r.json()["items"] == []
    r = await client.get(
        "/v1/tenants/umbrella/search", params={"q": "pay"}, headers=member(mint, "initech", "sre")
    )
    assert r.status_code == 404


@pytest.mark.parametrize("q", ["PAYMENTS", "Payménts"])
async def test_case_and_diacritics_fold(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, q: str
) -> None:
    seed_graph(runtime)
    r = await client.get(
        "/v1/tenants/initech/search",
        params={"q": q, "kinds": "service"},
        headers=member(mint, "initech", "sre"),
    )
    assert "service:svc_pay" in [i["ref"] for i in r.json()["items"]]


async def test_one_letter_queries_match_name_prefixes_only_ranked(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    seed_graph(runtime)
    headers = member(mint, "initech", "sre")
    r = await client.get("/v1/tenants/initech/search", params={"q": "p"}, headers=headers)
    items = r.json()["items"]
    # names starting with "p", shorter first; body matches ("api-gateway") are left out, and so is
    # the kind sre may not read (secret_thing)
    assert [(i["name"], i["match"]) for i in items] == [
        ("payments-api", "prefix"), ("payments-api", "prefix"), ("payouts-worker", "prefix"),
        ("payments-api v42", "prefix"), ("Payments API error rate", "prefix"),
    ]  # fmt: skip
    # two letters reach name words and bodies again
    r = await client.get("/v1/tenants/initech/search", params={"q": "pa"}, headers=headers)
    got = [(i["ref"], i["match"]) for i in r.json()["items"]]
    assert got[-1] == ("service:svc_gw", "body")
    # only one-letter words: name prefixes only ("api gateway" does not start with "a g") ...
    r = await client.get("/v1/tenants/initech/search", params={"q": "a g"}, headers=headers)
    assert r.json()["items"] == []
    # ... one longer word brings the name-word tier back
    r = await client.get("/v1/tenants/initech/search", params={"q": "ap g"}, headers=headers)
    assert [(i["ref"], i["match"]) for i in r.json()["items"]] == [("service:svc_gw", "name")]
