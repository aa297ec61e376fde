"""Constant queries per request: no list operation's SQL count grows with its page or its catalogue.

Every ``GET`` whose operationId starts with ``list_`` in the bundled contract is measured, so a new list
operation fails :func:`test_every_list_operation_is_measured` until it gets a grower here. For each
one the test grows tenant ``acme``'s collection through the API (to the seed plus 3 items, then plus
60), asks for a page of 2 and a page of 50 at both sizes, and counts the SQL statements the engine
runs while the request is served (a ``before_cursor_execute`` listener on ``runtime.db.engine``).

Two counts are kept per request:

- ``total``: every statement, the platform's per-request work (token → tenant lookup, policy decision
  record, audit) included. It must not grow (beyond :data:`PLATFORM_SLACK`).
- ``handler``: statements issued from inside the operation's handler (a frame of
  ``companyos_server/domains/<name>/api.py`` on the stack). It must not grow either, and stays at or
  under :data:`HANDLER_CEILING`, whatever the page size.

:data:`VARIANTS` measure filters that change how much a page must read (a filter applied after the
query reads on until the page is full). :data:`KNOWN_GROWTH` names, with its reason, each measured case
that still grows; it is a strict ``xfail``, so fixing one fails the test until its entry goes.
"""

from __future__ import annotations

import itertools
import secrets
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import event

from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow
from tests.conftest import API, bearer, minter, shared_seeded_runtime
from tests.integration.isolation.discovery import contract

TENANT = "acme"
BASE = f"/v1/tenants/{TENANT}"
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]
SMALL, LARGE = 3, 60  # items added beyond the seed before each round of measurements
PAGE_SIZES = (2, 50)
HANDLER_CEILING = 5  # statements a list handler may issue, at any page size
# The platform revalidates its caches on a clock of its own (one ``cache_epoch`` read when a TTL lapses),
# which no number of tries can always dodge; the list's own statements are held exactly (``handler``).
PLATFORM_SLACK = 1

DOCUMENT = contract()
LIST_OPERATIONS = sorted(
    str(op["operationId"])
    for item in DOCUMENT["paths"].values()
    for method, op in item.items()
    if method == "get" and isinstance(op, dict) and str(op.get("operationId", "")).startswith("list_")
)


# -- counting ------------------------------------------------------------------------------------
def _in_handler() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename.replace("\\", "/")
        if name.endswith("/domains/policies/hook.py") and frame.f_code.co_name == "flush":
            return False  # the edge's buffered decisions, written before decisions are listed: platform work
        if "/companyos_server/domains/" in name and name.endswith("/api.py"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


@dataclass
class Counter:
    total: int = 0
    handler: int = 0
    statements: list[str] = field(default_factory=list)

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.total += 1
        inside = _in_handler()
        self.handler += inside
        self.statements.append(("handler  " if inside else "platform ") + " ".join(statement.split())[:200])


@dataclass(frozen=True)
class Count:
    total: int
    handler: int
    items: int
    statements: tuple[str, ...]


# -- the runtime, shared per backend -------------------------------------------------------------
@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared_runtime(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Runtime]:
    with shared_seeded_runtime(request, tmp_path_factory.mktemp("query-counts"), request.param) as runtime:
        yield runtime


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(shared_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    from companyos_server.app import build_app

    app = build_app(shared_runtime, validate_responses=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield http


@dataclass
class Caller:
    client: httpx.AsyncClient
    runtime: Runtime
    ids: dict[str, str] = field(default_factory=dict)
    serial: Iterator[int] = field(default_factory=itertools.count)

    @property
    def headers(self) -> dict[str, str]:
        token = minter(self.runtime)(
            "usr_query_counts", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time())
        )
        return {**bearer(token), "X-CompanyOS-Purpose": "query count test"}

    def unique(self, prefix: str) -> str:
        return f"{prefix}-{next(self.serial)}-{secrets.token_hex(3)}"

    async def call(
        self, method: str, path: str, *, expect: int | tuple[int, ...] = (200, 201, 202), **kw: Any
    ) -> Any:
        headers = {**self.headers, **kw.pop("headers", {})}
        if method != "GET":
            headers.setdefault("Idempotency-Key", secrets.token_hex(12))
        r = await self.client.request(method, path, headers=headers, **kw)
        wanted = (expect,) if isinstance(expect, int) else expect
        assert r.status_code in wanted, f"{method} {path} → {r.status_code} {r.text[:400]}"
        return r.json() if r.content else None

    async def measure(self, path: str, params: dict[str, Any]) -> Count:
        counter = Counter()
        engine = self.runtime.db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            r = await self.client.get(path, params=params, headers=self.headers)
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        assert r.status_code == 200, f"GET {path} {params} → {r.status_code} {r.text[:400]}"
        body = r.json()
        items = body.get("items", body.get("candidates", body.get("keys", [])))
        return Count(counter.total, counter.handler, len(items), tuple(counter.statements))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def caller(client: httpx.AsyncClient, shared_runtime: Runtime) -> Caller:
    caller = Caller(client, shared_runtime)
    services = await caller.call("GET", f"{BASE}/services", params={"page_size": 500})
    by_name = {s["name"]: s["id"] for s in services["items"]}
    caller.ids["service"] = by_name["checkout-api"]
    caller.ids["dependency"] = by_name["auth-service"]
    return caller


# -- growers: add ``n`` items to one operation's collection, through the API ---------------------
Grower = Callable[[Caller, int], Awaitable[None]]


async def _services(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {
            "name": c.unique("qc-svc"),
            "owner": {"team": "payments"},
            "tier": "tier-2",
            "dependencies": [c.ids["dependency"]],
            "slo": {"objective": 99.5, "window_days": 28},
        }
        await c.call("POST", f"{BASE}/services", json=body)


async def _deployments(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"version": c.unique("v"), "environment": "production"}
        await c.call("POST", f"{BASE}/services/{c.ids['service']}/deployments", json=body)


async def _succeeded_deployments(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"version": c.unique("v"), "environment": "production"}
        dep = await c.call("POST", f"{BASE}/services/{c.ids['service']}/deployments", json=body)
        for stage in ("build", "deploy", "verification"):
            path = f"{BASE}/deployments/{dep['id']}/stages/{stage}"
            await c.call("POST", path, json={"state": "succeeded"})


async def _incidents(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"title": c.unique("qc incident"), "severity": "sev3", "service_ids": [c.ids["service"]]}
        await c.call("POST", f"{BASE}/incidents", json=body)


async def _alerts(c: Caller, n: int) -> None:
    if "ingest_token" not in c.ids:
        key = await c.call("POST", f"{BASE}/alerts/ingest-keys", json={"name": c.unique("qc")})
        c.ids["ingest_token"] = key["token"]
    alerts = [
        {
            "status": "firing",
            "labels": {"alertname": "QueryCount", "service": "checkout-api", "severity": "warning"},
            "annotations": {"summary": "query count test alert"},
            "startsAt": "2026-11-26T09:58:00Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "fingerprint": secrets.token_hex(8),
        }
        for _ in range(n)
    ]
    payload = {
        "receiver": "companyos",
        "status": "firing",
        "alerts": alerts,
        "groupLabels": {},
        "commonLabels": {},
        "commonAnnotations": {},
        "externalURL": "http://alertmanager.example:9093",
        "version": "4",
        "groupKey": "{}:{}",
        "truncatedAlerts": 0,
    }
    r = await c.client.post(
        f"{BASE}/alerts/ingest/alertmanager", json=payload, headers=bearer(c.ids["ingest_token"])
    )
    assert r.status_code == 200, r.text


async def _services_in_sandbox_after_production(c: Caller, n: int) -> None:
    """As many sandbox services as production ones, named to sort after them all."""
    await _services(c, n)
    for _ in range(n):
        body = {
            "name": c.unique("zz-sbx"),
            "owner": {"team": "qa"},
            "tier": "tier-3",
            "environments": ["sandbox"],
        }
        await c.call("POST", f"{BASE}/services", json=body)


async def _ingest_keys(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("POST", f"{BASE}/alerts/ingest-keys", json={"name": c.unique("qc-key")})


async def _tenant_edits(c: Caller, n: int) -> None:
    """Audit events and admin actions: every tenant edit by a platform admin records both."""
    for _ in range(n):
        await c.call("PATCH", BASE, json={"labels": {"query_count": c.unique("edit")}})


async def _tenant_edits_among_reads(c: Caller, n: int) -> None:
    """Admin actions between audited reads (a platform admin's cross-tenant reads are audited)."""
    for _ in range(n):
        await _tenant_edits(c, 1)
        for _ in range(5):
            await c.call("GET", BASE)


async def _decisions(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("GET", BASE)


async def _jobs(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("POST", f"{BASE}/audit/exports", json={"format": "ndjson"})


def _plan_body(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "description": "query count test plan",
        "steps": [{"id": "lock", "action": "account.lock", "parameters": {"account_id": "acme-qc-robot"}}],
    }


async def _plans(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("POST", f"{BASE}/plans", json=_plan_body(c.unique("qc plan")))


async def _plan(c: Caller) -> str:
    if "plan" not in c.ids:
        c.ids["plan"] = (await c.call("POST", f"{BASE}/plans", json=_plan_body(c.unique("qc base"))))["id"]
    return c.ids["plan"]


async def _plan_versions(c: Caller, n: int) -> None:
    plan_id = await _plan(c)
    for _ in range(n):
        await c.call("PATCH", f"{BASE}/plans/{plan_id}", json={"description": c.unique("revision")})


async def _runs(c: Caller, n: int) -> None:
    plan_id = await _plan(c)
    for _ in range(n):
        await c.call("POST", f"{BASE}/plans/{plan_id}/runs", json={"reason": "query count test"})


POLICY = {"effect": "forbid", "actions": ["incidents:update"], "roles": ["viewer"], "reason": "query counts"}


async def _policies(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("PUT", f"{BASE}/policies/catalog/{c.unique('qc-policy')}", json=POLICY)


async def _policy_versions(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {**POLICY, "reason": c.unique("query counts")}
        await c.call("PUT", f"{BASE}/policies/catalog/qc-versioned", json=body)


async def _policy_exceptions(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"policy_id": "residency-eu-export", "reason": c.unique("query counts"), "duration_hours": 48}
        await c.call("POST", f"{BASE}/policies/exceptions", json=body)


async def _sli_samples(c: Caller, n: int) -> None:
    start = utcnow().replace(second=0, microsecond=0) - timedelta(hours=2)
    offset = int(c.ids.get("sli_offset", "0"))
    samples = [
        {"ts": (start + timedelta(seconds=offset + i)).isoformat(), "good": 99, "total": 100}
        for i in range(n)
    ]
    c.ids["sli_offset"] = str(offset + n)
    await c.call("POST", f"{BASE}/services/{c.ids['service']}/sli-samples", json={"samples": samples})


async def _config_versions(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"message": c.unique("qc"), "document": {"maintenance_window": c.unique("Sun")}}
        await c.call("PUT", f"{BASE}/config", json=body)


async def _flags(c: Caller, n: int) -> None:
    for _ in range(n):
        await c.call("POST", f"{BASE}/flags", json={"key": c.unique("qc-flag"), "enabled": False})


async def _tenants(c: Caller, n: int) -> None:
    for _ in range(n):
        name = c.unique("qc").replace("-", "")[:30]
        body = {"id": name, "display_name": name, "tier": "standard", "residency": "eu"}
        await c.call("POST", "/v1/tenants", json=body)


async def _evidence_packs(c: Caller, n: int) -> None:
    """Through the Data Spine itself: the API only reads packs (Maestro and exports seal them)."""
    from companyos_server.core.spine.store import EvidenceItem

    for _ in range(n):
        c.runtime.evidence.create_pack(
            tenant_id=TENANT,
            title=c.unique("qc pack"),
            subject=f"service:{c.ids['service']}",
            items=[EvidenceItem("note.json", b'{"query": "count"}')],
            lineage={"inputs": [], "process": "query-count-test", "outputs": []},
            created_by="usr_query_counts",
        )


@dataclass(frozen=True)
class Case:
    path: str  # {service} and {plan} are filled from the caller's ids
    grow: Grower | None
    paged: bool = True
    params: tuple[tuple[str, str], ...] = ()  # fixed filters, beside page_size


CASES: dict[str, Case] = {
    "list_alert_ingest_keys": Case(f"{BASE}/alerts/ingest-keys", _ingest_keys, paged=False),
    "list_alerts": Case(f"{BASE}/alerts", _alerts),
    "list_audit_events": Case(f"{BASE}/audit/events", _tenant_edits),
    "list_deployments": Case(f"{BASE}/deployments", _deployments),
    "list_evidence_packs": Case(f"{BASE}/evidence-packs", _evidence_packs),
    "list_incidents": Case(f"{BASE}/incidents", _incidents),
    "list_jobs": Case(f"{BASE}/jobs", _jobs),
    "list_plan_versions": Case(f"{BASE}/plans/{{plan}}/versions", _plan_versions),
    "list_plans": Case(f"{BASE}/plans", _plans),
    "list_policies": Case(f"{BASE}/policies", _policies, paged=False),
    "list_policy_decisions": Case(f"{BASE}/policies/decisions", _decisions),
    "list_policy_exceptions": Case(f"{BASE}/policies/exceptions", _policy_exceptions),
    "list_policy_versions": Case(
        f"{BASE}/policies/catalog/qc-versioned/versions", _policy_versions, paged=False
    ),
    "list_rollback_candidates": Case(
        f"{BASE}/services/{{service}}/rollback-candidates", _succeeded_deployments, paged=False
    ),
    "list_runs": Case(f"{BASE}/runs", _runs),
    "list_service_deployments": Case(f"{BASE}/services/{{service}}/deployments", _deployments),
    "list_services": Case(f"{BASE}/services", _services),
    # Signing keys are files under var/, not rows: the list issues no SQL and the API cannot add keys.
    "list_signing_keys": Case("/v1/signing-keys", None, paged=False),
    "list_sli_samples": Case(f"{BASE}/services/{{service}}/sli-samples", _sli_samples),
    "list_tenant_admin_actions": Case(f"{BASE}/admin-actions", _tenant_edits),
    "list_tenant_config_versions": Case(f"{BASE}/config/versions", _config_versions),
    "list_tenant_flags": Case(f"{BASE}/flags", _flags),
    "list_tenants": Case("/v1/tenants", _tenants),
}


# Filters that change what a page has to read, measured beside the plain lists.
VARIANTS: dict[str, Case] = {
    "list_services[environment]": Case(
        f"{BASE}/services", _services_in_sandbox_after_production, params=(("environment", "sandbox"),)
    ),
    "list_tenant_admin_actions[among reads]": Case(f"{BASE}/admin-actions", _tenant_edits_among_reads),
}
KNOWN_GROWTH: dict[str, str] = {}
MEASURED = [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GROWTH[name]))
    if name in KNOWN_GROWTH
    else name
    for name in [*LIST_OPERATIONS, *VARIANTS]
]


def test_every_list_operation_is_measured() -> None:
    assert LIST_OPERATIONS, "no list operation was found in the bundled contract"
    assert sorted(CASES) == LIST_OPERATIONS
    assert all(name.split("[")[0] in CASES for name in VARIANTS)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("operation_id", MEASURED)
async def test_list_queries_do_not_grow(operation_id: str, caller: Caller) -> None:
    case = CASES.get(operation_id) or VARIANTS[operation_id]
    if case.grow is not None and "{plan}" in case.path:
        await _plan(caller)
    if case.grow is not None:
        await case.grow(caller, SMALL)
    path = case.path.format(service=caller.ids["service"], plan=caller.ids.get("plan", ""))
    sizes = PAGE_SIZES if case.paged else (None,)

    async def count(size: int | None) -> Count:
        # The fewest of three identical requests: a cache refilled on one of them (the policy set
        # after a policy edit or when its TTL lapses, say) is the platform's one-off work, not the list's.
        params: dict[str, Any] = dict(case.params) | ({} if size is None else {"page_size": size})
        return min([await caller.measure(path, params) for _ in range(3)], key=lambda c: c.total)

    small = {size: await count(size) for size in sizes}
    if case.grow is not None:
        await case.grow(caller, LARGE - SMALL)
    large = {size: await count(size) for size in sizes}

    report = {
        f"{name}@{size}": (c.total, c.handler, c.items)
        for name, found in (("small", small), ("large", large))
        for size, c in found.items()
    }
    print(f"{operation_id}: (total, handler, items) {report}")
    if case.grow is not None and case.paged:
        # A full page of 50 and a page of 2 cost the same: the items of a page cost no statement.
        assert large[50].items == 50 and large[2].items == 2, f"{operation_id}: pages not full {report}"
    elif case.grow is not None:
        assert large[None].items > small[None].items, f"{operation_id}: the catalogue did not grow {report}"
    counts = [*small.values(), *large.values()]
    widest = large[max(sizes, key=lambda s: s or 0)]
    assert len({c.handler for c in counts}) == 1, (
        f"{operation_id}: handler statements vary with the page or the catalogue {report}\n"
        + "\n".join(widest.statements)
    )
    assert widest.handler <= HANDLER_CEILING, (
        f"{operation_id}: {widest.handler} handler statements (ceiling {HANDLER_CEILING})\n"
        + "\n".join(widest.statements)
    )
    totals = sorted(c.total for c in counts)
    assert totals[-1] - totals[0] <= PLATFORM_SLACK, (
        f"{operation_id}: statements vary with the page or the catalogue {report}\n"
        + "\n".join(widest.statements)
    )
