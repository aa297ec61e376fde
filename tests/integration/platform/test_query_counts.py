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

import hashlib
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

from companyos_server.domains.datasets.lake import Lake
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
        # A signed audit checkpoint is due every 100 appends or 5 s, whichever request happens to cross
        # it (it made list_policies flaky): the chain's work, not the list's, so none is due here.
        runtime.audit.checkpoint_every, runtime.audit.checkpoint_interval = 10**9, float(10**9)
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


async def _alert_history(c: Caller, n: int) -> None:
    """Past occurrences, imported as one CSV file (each row one occurrence)."""
    start = utcnow().replace(microsecond=0) - timedelta(days=30)
    name = c.unique("QcHistory")
    rows = [f"{name},{(start + timedelta(minutes=i)).isoformat()},checkout-api" for i in range(n)]
    await c.call(
        "POST",
        f"{BASE}/alert-history/import",
        params={"format": "csv"},
        content=("alert_name,starts_at,service\n" + "\n".join(rows)).encode(),
        headers={"Content-Type": "application/octet-stream"},
    )


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


# -- analytics, datasets, features, secops, SLOs -------------------------------------------------
async def _analytics_schemas(c: Caller, n: int) -> None:
    for _ in range(n):
        name = f"Query Count N{next(c.serial)}x{secrets.token_hex(3)}"  # Title Case words
        await c.call("POST", f"{BASE}/analytics/schemas", json={"name": name, "version": "1-0-0"})


async def _analytics_exports(c: Caller, n: int) -> None:
    """Report exports, queued (their jobs are not run: a list reads the stored exports and their jobs)."""
    for _ in range(n):
        body = {"report": "ops_kpis", "parameters": {"days": 1}, "recipient": c.unique("qc-recipient")}
        await c.call("POST", f"{BASE}/analytics/exports", json=body)


async def _analytics_schedules(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"name": c.unique("qc-schedule"), "report": "ops_kpis", "parameters": {"days": 1},
                "recipients": ["qc@example.com"], "cadence": {"every": "day"}}  # fmt: skip
        await c.call("POST", f"{BASE}/analytics/schedules", json=body)


DATASET_FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "note", "type": "string", "classification": "internal"},
]


async def _datasets(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"name": c.unique("qc-ds"), "fields": DATASET_FIELDS}
        await c.call("POST", f"{BASE}/datasets", json=body)


async def _staging_files(c: Caller, n: int) -> None:
    """Files dropped into the tenant's staging area (out of band: no API writes there)."""
    area = Lake(c.runtime.settings.var_dir).staging_area(TENANT) / c.unique("drop")
    area.mkdir(parents=True)
    for i in range(n):
        (area / f"part-{i:05d}.csv").write_bytes(b"id\n1\n")


async def _dataset(c: Caller) -> str:
    if "dataset" not in c.ids:
        body = {"name": c.unique("qc-base"), "fields": DATASET_FIELDS}
        c.ids["dataset"] = (await c.call("POST", f"{BASE}/datasets", json=body))["id"]
    return c.ids["dataset"]


async def _open_import(c: Caller, data: bytes) -> dict[str, Any]:
    """An import of one CSV file, uploaded in one part and started (its job queued, not run)."""
    digest = hashlib.sha256(data).hexdigest()
    manifest = {"files": [{"name": "rows.csv", "sha256": digest, "size_bytes": len(data)}]}
    path = f"{BASE}/datasets/{await _dataset(c)}/imports"
    imp = await c.call("POST", path, json={"format": "csv", "manifest": manifest})
    await c.call(
        "PUT", f"{BASE}/imports/{imp['id']}/files/rows.csv/parts/1", params={"sha256": digest}, content=data,
        headers={"Content-Type": "application/octet-stream"},
    )  # fmt: skip
    return await c.call("POST", f"{BASE}/imports/{imp['id']}/start")  # type: ignore[no-any-return]


async def _dataset_imports(c: Caller, n: int) -> None:
    """Imports with a part and a queued job each: the list shows both."""
    for _ in range(n):
        await _open_import(c, f"id,note\n{next(c.serial)},query count\n".encode())


async def _quarantined_import(c: Caller) -> str:
    """An import whose job ran, quarantining ``LARGE`` rows (an id that is not an integer)."""
    if "import" not in c.ids:
        rows = [f"x{i},bad id" for i in range(LARGE)] + ["1,good", "2,good"]
        job = await _open_import(c, ("id,note\n" + "\n".join(rows) + "\n").encode())
        c.runtime.jobs.run_now(job["id"])
        done = c.runtime.jobs.get(TENANT, job["id"])
        assert done["state"] == "succeeded" and done["result"]["rows_quarantined"] == LARGE, done
        c.ids["import"] = done["result"]["import_id"]
    return c.ids["import"]


async def _dataset_exports(c: Caller, n: int) -> None:
    """Each request adds an export row at once (its job stays queued)."""
    path = f"{BASE}/datasets/{await _dataset(c)}/exports"
    for _ in range(n):
        await c.call("POST", path, json={"recipient": c.unique("qc-auditor")})


async def _features(c: Caller, n: int) -> None:
    for _ in range(n):
        body = {"key": c.unique("qc-feat"), "name": "query count feature", "owner": "payments"}
        await c.call("POST", f"{BASE}/features", json=body)


async def _feature(c: Caller) -> str:
    if "feature" not in c.ids:
        body = {"key": c.unique("qc-lifecycle"), "name": "query count lifecycle", "owner": "payments"}
        c.ids["feature"] = (await c.call("POST", f"{BASE}/features", json=body))["id"]
    return c.ids["feature"]


LIFECYCLE = (
    ("experiment", ("design",)),
    ("beta", ("kpi_results", "risk_controls")),
    ("ga", ("slo_health", "security_signoff")),
    ("sunset", ("sunset_plan",)),
)


async def _feature_transitions(c: Caller, n: int) -> None:
    """The feature's next transitions, their evidence first: its lifecycle allows four in all (so 3, then 4)."""
    feature_id = await _feature(c)
    done = int(c.ids.get("feature_transitions", "0"))
    for state, kinds in LIFECYCLE[done : done + n]:
        for kind in kinds:
            body = {"kind": kind, "title": f"{kind} for query counts"}
            await c.call("POST", f"{BASE}/features/{feature_id}/evidence", json=body)
        await c.call("POST", f"{BASE}/features/{feature_id}/transitions", json={"to": state})
        done += 1
    c.ids["feature_transitions"] = str(done)


async def _rollouts(c: Caller, n: int) -> None:
    if "rollout_flag" not in c.ids:
        key = c.unique("qc-ramp")
        c.ids["rollout_flag"] = (await c.call("POST", f"{BASE}/flags", json={"key": key}))["key"]
    for _ in range(n):
        body = {"flag_key": c.ids["rollout_flag"], "environment": "staging", "reason": c.unique("qc")}
        await c.call("POST", f"{BASE}/rollouts", json=body)


async def _experiments(c: Caller, n: int) -> None:
    """A flag of its own for each (an experiment puts its split rule on its flag)."""
    for _ in range(n):
        flag = {"key": c.unique("qc-split"), "variants": {"control": "a", "treatment": "b"}}
        await c.call("POST", f"{BASE}/flags", json=flag)
        body = {"key": c.unique("qc-exp"), "flag_key": flag["key"], "environment": "staging",
                "control": "control", "treatment": "treatment", "metric": "query_count"}  # fmt: skip
        await c.call("POST", f"{BASE}/experiments", json=body)


async def _security_events(c: Caller, n: int) -> None:
    at = utcnow().isoformat()
    events = [
        {"occurred_at": at, "action": "qc.query_count", "outcome": "success", "principal": c.unique("qc")}
        for _ in range(n)
    ]
    await c.call("POST", f"{BASE}/security-events/bulk", json={"events": events})


SIGMA = """title: Query count rule
logsource: {product: companyos}
detection:
  selection: {action: qc.never}
  condition: selection
level: low
"""


async def _detection_rules(c: Caller, n: int) -> None:
    """Disabled, so the detector that later tests run is unchanged."""
    for _ in range(n):
        body = {"name": c.unique("qc-rule"), "sigma": SIGMA, "enabled": False}
        await c.call("POST", f"{BASE}/detection-rules", json=body)


async def _fresh_service(c: Caller, key: str) -> str:
    """A service of its own (no runbooks), for what a service holds at most 50 of."""
    if key not in c.ids:
        body = {
            "name": c.unique(f"qc-{key.replace('_', '-')}"),
            "owner": {"team": "payments"},
            "tier": "tier-2",
        }
        c.ids[key] = (await c.call("POST", f"{BASE}/services", json=body))["id"]
    return c.ids[key]


async def _slo_service(c: Caller) -> str:
    return await _fresh_service(c, "slo_service")


MAX_SLOS = 50  # a service holds at most 50 SLOs: growers stop there (still a full page of 50)


async def _add_slos(c: Caller, service_id: str, n: int) -> list[str]:
    """Up to ``n`` SLOs, each paging on a static rule; their names."""
    have = int(c.ids.get(f"slos:{service_id}", "0"))
    names = [c.unique("qc-slo") for _ in range(min(n, MAX_SLOS - have))]
    for name in names:
        body = {"name": name, "sli_type": "availability", "objective": 99.0, "window_days": 7,
                "alerting": [{"name": "errors", "kind": "static_error_rate", "error_rate": 0.05,
                              "window_minutes": 5}]}  # fmt: skip
        await c.call("POST", f"{BASE}/services/{service_id}/slos", json=body)
    c.ids[f"slos:{service_id}"] = str(have + len(names))
    return names


async def _service_slos(c: Caller, n: int) -> None:
    await _add_slos(c, await _slo_service(c), n)


async def _doctor_service(c: Caller, key: str) -> str:
    """A service without runbooks and with a healthy last hour: each paging SLO gets a runbook recommendation."""
    if key not in c.ids:
        service_id = await _fresh_service(c, key)
        start = utcnow().replace(second=0, microsecond=0) - timedelta(hours=1)
        samples = [
            {"ts": (start + timedelta(minutes=i)).isoformat(), "good": 100, "total": 100} for i in range(60)
        ]
        await c.call("POST", f"{BASE}/services/{service_id}/sli-samples", json={"samples": samples})
    return c.ids[key]


async def _recommendations_service(c: Caller) -> str:
    return await _doctor_service(c, "recommendations_service")


async def _follow_ups_service(c: Caller) -> str:
    return await _doctor_service(c, "follow_ups_service")


async def _slo_recommendations(c: Caller, n: int) -> None:
    """Recommendations are computed, not stored: each paging SLO on a service without runbooks adds one."""
    await _add_slos(c, await _recommendations_service(c), n)


async def _slo_follow_ups(c: Caller, n: int) -> None:
    """Accepting a recommendation (one per new SLO) records a follow-up."""
    service_id = await _follow_ups_service(c)
    names = set(await _add_slos(c, service_id, n))
    path = f"{BASE}/services/{service_id}/slo-recommendations"
    found = await c.call("GET", path, params={"days": 1})
    due = (utcnow() + timedelta(days=30)).date().isoformat()
    for rec in found["items"]:
        if rec["slo_name"] in names and rec["kind"] == "runbook":
            body = {"owner": "payments-sre", "due_date": due, "days": 1}
            await c.call("POST", f"{path}/{rec['id']}/accept", json=body)


async def _health_reports(c: Caller, n: int) -> None:
    """A report is kept when its job runs (the request only queues it): run each at once, without charts."""
    for _ in range(n):
        path = f"{BASE}/services/{c.ids['service']}/health-reports"
        job = await c.call("POST", path, json={"days": 1, "charts": False})
        c.runtime.jobs.run_now(job["id"])
        assert c.runtime.jobs.get(TENANT, job["id"])["state"] == "succeeded"


@dataclass(frozen=True)
class Case:
    path: str  # {service}, {plan} and the other PARENTS are filled from the caller's ids
    grow: Grower | None
    paged: bool = True
    params: tuple[tuple[str, str], ...] = ()  # fixed filters, beside page_size
    ceiling: int = HANDLER_CEILING


# Parents created on first use, for the ids in a case's path beside {service}.
PARENTS: dict[str, Callable[[Caller], Awaitable[str]]] = {
    "plan": _plan,
    "dataset": _dataset,
    "import": _quarantined_import,
    "feature": _feature,
    "slo_service": _slo_service,
    "recommendations_service": _recommendations_service,
    "follow_ups_service": _follow_ups_service,
}

CASES: dict[str, Case] = {
    "list_alert_ingest_keys": Case(f"{BASE}/alerts/ingest-keys", _ingest_keys, paged=False),
    "list_alert_occurrences": Case(f"{BASE}/alert-occurrences", _alert_history),
    "list_alerts": Case(f"{BASE}/alerts", _alerts),
    "list_analytics_exports": Case(f"{BASE}/analytics/exports", _analytics_exports),
    "list_analytics_schedules": Case(f"{BASE}/analytics/schedules", _analytics_schedules),
    "list_analytics_schemas": Case(f"{BASE}/analytics/schemas", _analytics_schemas),
    "list_audit_events": Case(f"{BASE}/audit/events", _tenant_edits),
    "list_dataset_exports": Case(f"{BASE}/datasets/{{dataset}}/exports", _dataset_exports),
    "list_dataset_imports": Case(f"{BASE}/datasets/{{dataset}}/imports", _dataset_imports),
    "list_datasets": Case(f"{BASE}/datasets", _datasets),
    "list_staging_files": Case(f"{BASE}/staging-files", _staging_files),
    "list_deployments": Case(f"{BASE}/deployments", _deployments),
    "list_detection_rules": Case(f"{BASE}/detection-rules", _detection_rules, paged=False),
    "list_evidence_packs": Case(f"{BASE}/evidence-packs", _evidence_packs),
    "list_experiments": Case(f"{BASE}/experiments", _experiments),
    "list_feature_transitions": Case(
        f"{BASE}/features/{{feature}}/transitions", _feature_transitions, paged=False
    ),
    "list_features": Case(f"{BASE}/features", _features),
    "list_health_reports": Case(f"{BASE}/services/{{service}}/health-reports", _health_reports),
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
    # An import's quarantine is fixed once its one job ran: the API cannot add rows to it (60 are there).
    "list_quarantined_rows": Case(f"{BASE}/imports/{{import}}/quarantine", None),
    "list_rollback_candidates": Case(
        f"{BASE}/services/{{service}}/rollback-candidates", _succeeded_deployments, paged=False
    ),
    "list_rollouts": Case(f"{BASE}/rollouts", _rollouts),
    "list_runs": Case(f"{BASE}/runs", _runs),
    "list_security_events": Case(f"{BASE}/security-events", _security_events),
    "list_service_deployments": Case(f"{BASE}/services/{{service}}/deployments", _deployments),
    "list_service_slos": Case(f"{BASE}/services/{{slo_service}}/slos", _service_slos),
    "list_services": Case(f"{BASE}/services", _services),
    # Signing keys are files under var/, not rows: the list issues no SQL and the API cannot add keys.
    "list_signing_keys": Case("/v1/signing-keys", None, paged=False),
    "list_sli_samples": Case(f"{BASE}/services/{{service}}/sli-samples", _sli_samples),
    "list_slo_follow_ups": Case(f"{BASE}/services/{{follow_ups_service}}/slo-follow-ups", _slo_follow_ups),
    # Not a stored list: the doctor's analysis, which reads the service, its SLOs, its SLI history, its
    # deployments, the rollback plans, its dependencies, its incidents and its alert occurrences (eight
    # statements, a constant three more with dependencies), whatever the number of SLOs, samples or
    # recommendations.
    "list_slo_recommendations": Case(
        f"{BASE}/services/{{recommendations_service}}/slo-recommendations",
        _slo_recommendations,
        paged=False,
        params=(("days", "1"),),
        ceiling=8,
    ),
    # A flag is stale by age (30 days old, unchanged 7 or 14): the API cannot backdate one.
    "list_stale_flags": Case(f"{BASE}/stale-flags", None, paged=False),
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
    for name, parent in PARENTS.items():
        if f"{{{name}}}" in case.path:
            await parent(caller)
    if case.grow is not None:
        await case.grow(caller, SMALL)
    path = case.path.format(
        service=caller.ids["service"], **{name: caller.ids[name] for name in PARENTS if name in caller.ids}
    )
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
    assert widest.handler <= case.ceiling, (
        f"{operation_id}: {widest.handler} handler statements (ceiling {case.ceiling})\n"
        + "\n".join(widest.statements)
    )
    totals = sorted(c.total for c in counts)
    assert totals[-1] - totals[0] <= PLATFORM_SLACK, (
        f"{operation_id}: statements vary with the page or the catalogue {report}\n"
        + "\n".join(widest.statements)
    )
