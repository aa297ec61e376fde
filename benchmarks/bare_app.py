"""The baseline for `api_overhead`: the plain Starlette app a user would write instead of CompanyOS.

It imports nothing from ``companyos_server`` or ``companyos``: PyJWT checks the bearer token (RS256
against the JWKS fetched once at startup, issuer, audience, expiry), then the tenant in the path must
be in the token's ``tenants`` claim (404 otherwise, as ours answers) with a suitable role for the audit
trail and for writes (403 otherwise). Data comes from hand-written SQL over the
same tables (``sqlite3``, or ``psycopg`` for PostgreSQL), one connection per thread, and the answers
carry the same fields as ours:

- ``GET /v1/tenants/{t}/services``: one page by name, the page's dependency edges in one query, the
  SLI sums of the page's services with an objective in one grouped query per window length;
- ``GET /v1/tenants/{t}/audit/events``: one page by descending chain position;
- ``GET /v1/tenants/{t}/search?q=``: the name-prefix ranking (exact name first, then shorter names);
  it does not run our word/body tiers nor per-kind authorization, so the benchmark picks a query
  whose page the prefix tier fills, and checks both answers list the same ids;
- ``POST /v1/tenants/{t}/services/{s}/sli-samples``: replace-by-timestamp insert plus an audit-like
  row in ``bench_bare_audit``, one transaction. Not signed, not hash-chained: that is a cost of ours.

No contract validation, no rate limit, no idempotency store, no telemetry.
Configuration (environment): ``BENCH_BARE_DATABASE`` (a SQLite file path or a ``postgresql://`` URL),
``BENCH_BARE_JWKS_URL``, ``BENCH_BARE_ISSUER``, ``BENCH_BARE_AUDIENCE``.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from benchmarks.bare_store import Store, as_json, as_time, parse_ts

AUDIT_READERS = {"tenant_admin", "security_analyst", "sre", "platform_engineer"}
SLI_WRITERS = {"platform_engineer", "sre", "tenant_admin"}
SERVICE_COLUMNS = (
    "id, tenant_id, name, description, owner_team, owner_contact, tier, environments, runbooks, "
    "data_locations, slo, labels, revision, created_at, updated_at, isolated_at, isolation_reason"
)
AUDIT_COLUMNS = (
    "id, tenant_id, position, occurred_at, actor, actor_kind, roles, action, resource, outcome, status, "
    "request_id, purpose, details, prev_hash, hash, signature, key_id"
)
SEARCH_COLUMNS = "pk, ref, kind, entity_id, name, attributes, environment, name_norm"


class HTTPProblem(Exception):
    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def _page_size(request: Request, default: int, maximum: int) -> int:
    raw = request.query_params.get("page_size", str(default))
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise HTTPProblem(400, "Bad Request", f"page_size must be an integer from 1 to {maximum}")
    return int(raw)


def _token(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def _untoken(request: Request) -> str | None:
    raw = request.query_params.get("page_token")
    if not raw:
        return None
    try:
        return base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    except ValueError as exc:
        raise HTTPProblem(400, "Bad Request", "page_token is not valid") from exc


def _slo(spec: dict[str, Any] | None, sli: float | None) -> dict[str, Any]:
    if not spec or spec.get("objective") is None:
        none = dict.fromkeys(("objective", "window_days", "indicator", "sli", "error_budget_remaining"))
        return {"state": "not_configured", **none, "source": "none"}
    objective = float(spec["objective"])
    base = {
        "objective": objective,
        "window_days": int(spec.get("window_days") or 28),
        "indicator": spec.get("indicator"),
    }
    source = "samples" if sli is not None else "stored" if spec.get("sli") is not None else None
    if source is None:
        return {**base, "state": "no_data", "sli": None, "error_budget_remaining": None, "source": "none"}
    value = sli if sli is not None else float(spec["sli"])
    budget = 100.0 - objective
    left = (1.0 if value >= objective else 0.0) if budget <= 0 else round(1.0 - (100.0 - value) / budget, 4)
    state = "exhausted" if left <= 0 else "at_risk" if left < 0.25 else "healthy"
    return {**base, "state": state, "sli": value, "error_budget_remaining": left, "source": source}


def create_app(
    database: str | None = None,
    *,
    jwks: dict[str, Any] | None = None,
    issuer: str | None = None,
    audience: str | None = None,
) -> Starlette:
    store = Store(database or os.environ["BENCH_BARE_DATABASE"])
    if jwks is None:
        with urllib.request.urlopen(os.environ["BENCH_BARE_JWKS_URL"], timeout=10) as answer:  # noqa: S310 - a loopback http URL set by the benchmark
            jwks = json.load(answer)
    keys = {key.key_id: key for key in jwt.PyJWKSet.from_dict(jwks).keys}
    issuer = issuer or os.environ["BENCH_BARE_ISSUER"]
    audience = audience or os.environ["BENCH_BARE_AUDIENCE"]

    def authorize(request: Request, roles_needed: set[str] | None = None) -> tuple[str, dict[str, Any]]:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise HTTPProblem(401, "Unauthorized", "a bearer token is required")
        token = header[7:].strip()
        try:
            key = keys[jwt.get_unverified_header(token).get("kid", "")]
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=audience,
                issuer=issuer,
                options={"require": ["exp", "iat", "sub"]},
            )
        except (KeyError, jwt.InvalidTokenError) as exc:
            raise HTTPProblem(401, "Unauthorized", f"invalid token: {exc}") from exc
        tenant = request.path_params["tenant_id"]
        memberships = claims.get("tenants") or {}
        if tenant not in memberships:  # like ours: a tenant the caller is not in does not exist for them
            raise HTTPProblem(404, "Not Found", f"tenant {tenant} not found")
        if roles_needed is not None and not set(memberships[tenant]) & roles_needed:
            raise HTTPProblem(403, "Forbidden", f"your roles in {tenant} do not allow this")
        return tenant, claims

    def list_services(request: Request) -> dict[str, Any]:
        tenant, _ = authorize(request)
        size, after = _page_size(request, 50, 500), _untoken(request)
        with store.transaction() as query:
            rows = query(
                f"SELECT {SERVICE_COLUMNS} FROM services WHERE tenant_id = ? AND name > ? ORDER BY name LIMIT ?",  # noqa: S608 - constant SQL; values are bound
                (tenant, after or "", size + 1),
            )
            page = rows[:size]
            ids = [r[0] for r in page]
            marks = ",".join("?" * len(ids))
            deps: dict[str, list[str]] = {i: [] for i in ids}
            if ids:
                for service_id, target in query(
                    f"SELECT service_id, depends_on_id FROM service_dependencies WHERE tenant_id = ? "  # noqa: S608 - constant SQL; values are bound
                    f"AND service_id IN ({marks}) ORDER BY service_id, depends_on_id",
                    (tenant, *ids),
                ):
                    deps[service_id].append(target)
            windows: dict[int, list[str]] = {}
            for r in page:
                spec = as_json(r[10])
                if spec and spec.get("objective") is not None:
                    windows.setdefault(int(spec.get("window_days") or 28), []).append(r[0])
            sli: dict[str, float] = {}
            now = datetime.now(UTC)
            for days, members in windows.items():
                for ref, good, total in query(
                    f"SELECT service_ref, SUM(good), SUM(total) FROM sli_samples WHERE tenant_id = ? "  # noqa: S608 - constant SQL; values are bound
                    f"AND service_ref IN ({','.join('?' * len(members))}) AND ts >= ? GROUP BY service_ref",
                    (tenant, *members, store.stamp(now - timedelta(days=days))),
                ):
                    if total:
                        sli[ref] = round(100.0 * float(good or 0) / float(total), 4)
        items = [
            {
                "id": r[0],
                "tenant_id": r[1],
                "name": r[2],
                "description": r[3],
                "owner": {"team": r[4], **({"contact": r[5]} if r[5] else {})},
                "tier": r[6],
                "environments": as_json(r[7]) or [],
                "dependencies": deps[r[0]],
                "runbooks": as_json(r[8]) or [],
                "data_locations": as_json(r[9]) or [],
                "slo": _slo(as_json(r[10]), sli.get(r[0])),
                "labels": as_json(r[11]) or {},
                "revision": r[12],
                "isolation": {"since": as_time(r[15]).isoformat(), "reason": r[16] or ""} if r[15] else None,
                "created_at": as_time(r[13]).isoformat(),
                "updated_at": as_time(r[14]).isoformat(),
            }
            for r in page
        ]
        return {"items": items, "next_page_token": _token(page[-1][2]) if len(rows) > size else None}

    def list_audit_events(request: Request) -> dict[str, Any]:
        tenant, _ = authorize(request, AUDIT_READERS)
        size, after = _page_size(request, 50, 500), _untoken(request)
        with store.transaction() as query:
            rows = query(
                f"SELECT {AUDIT_COLUMNS} FROM audit_events WHERE tenant_id = ? AND position < ? "  # noqa: S608 - constant SQL; values are bound
                "ORDER BY position DESC LIMIT ?",
                (tenant, int(after) if after and after.isdigit() else 2**62, size + 1),
            )
        names = AUDIT_COLUMNS.split(", ")
        items = []
        for r in rows[:size]:
            item = dict(zip(names, r, strict=True))
            item["occurred_at"] = as_time(item["occurred_at"]).isoformat()
            item["roles"], item["details"] = as_json(item["roles"]) or [], as_json(item["details"]) or {}
            items.append(item)
        return {
            "items": items,
            "next_page_token": _token(str(items[-1]["position"])) if len(rows) > size else None,
        }

    def search(request: Request) -> dict[str, Any]:
        tenant, _ = authorize(request)
        q = " ".join(request.query_params.get("q", "").casefold().split())
        if not q:
            raise HTTPProblem(400, "Bad Request", "q is required")
        size = _page_size(request, 20, 100)
        upper = q[:-1] + chr(ord(q[-1]) + 1)
        with store.transaction() as query:
            rows = query(
                f"SELECT {SEARCH_COLUMNS} FROM graph_entities WHERE tenant_id = ? AND name_norm >= ? "  # noqa: S608 - constant SQL; values are bound
                "AND name_norm < ? ORDER BY name_len, name_norm, pk LIMIT ?",
                (tenant, q, upper, size + 1),
            )
        items = [
            {
                "ref": r[1],
                "kind": r[2],
                "id": r[3],
                "name": r[4],
                "environment": r[6],
                "match": "exact" if r[7] == q else "prefix",
                "attributes": as_json(r[5]) or {},
            }
            for r in rows[:size]
        ]
        return {
            "query": request.query_params["q"],
            "items": items,
            "next_page_token": _token(str(size)) if len(rows) > size else None,
        }

    def record_sli_samples(request: Request, body: Any) -> dict[str, Any]:
        tenant, claims = authorize(request, SLI_WRITERS)
        service_id = request.path_params["service_id"]
        samples = body.get("samples") if isinstance(body, dict) else None
        if not isinstance(samples, list) or not 1 <= len(samples) <= 1000:
            raise HTTPProblem(400, "Bad Request", "samples must be a list of 1 to 1000 samples")
        parsed: dict[datetime, tuple[int, int]] = {}
        try:
            for sample in samples:
                good, total = int(sample["good"]), int(sample["total"])
                if not 0 <= good <= total:
                    raise ValueError("good must lie between 0 and total")
                parsed[parse_ts(sample["ts"])] = (good, total)
        except (KeyError, TypeError, ValueError) as exc:
            raise HTTPProblem(400, "Bad Request", f"invalid sample: {exc}") from exc
        stamps = sorted(parsed)
        now = datetime.now(UTC)
        with store.transaction(write=True) as query:
            if not query("SELECT 1 FROM services WHERE tenant_id = ? AND id = ?", (tenant, service_id)):
                raise HTTPProblem(404, "Not Found", f"service {service_id} does not exist")
            marks = ",".join("?" * len(stamps))
            replaced = query(
                f"SELECT COUNT(*) FROM sli_samples WHERE tenant_id = ? AND service_ref = ? AND ts IN ({marks})",  # noqa: S608 - constant SQL; values are bound
                (tenant, service_id, *(store.stamp(ts) for ts in stamps)),
            )[0][0]
            query(
                f"DELETE FROM sli_samples WHERE tenant_id = ? AND service_ref = ? AND ts IN ({marks})",  # noqa: S608 - constant SQL; values are bound
                (tenant, service_id, *(store.stamp(ts) for ts in stamps)),
            )
            for ts in stamps:
                query(
                    "INSERT INTO sli_samples (id, tenant_id, service_ref, ts, good, total) VALUES (?, ?, ?, ?, ?, ?)",
                    (f"sli_{secrets.token_hex(13)}", tenant, service_id, store.stamp(ts), *parsed[ts]),
                )
            query(
                "INSERT INTO bench_bare_audit (id, tenant_id, occurred_at, actor, action, resource, status, "
                "request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    f"aud_{secrets.token_hex(13)}",
                    tenant,
                    now.isoformat(),
                    claims["sub"],
                    "services:record_sli",
                    f"service:{service_id}",
                    200,
                    request.headers.get("x-request-id"),
                    json.dumps({"method": "POST", "path": request.url.path}),
                ),
            )
        return {
            "service_id": service_id,
            "recorded": len(stamps),
            "replaced": int(replaced),
            "from": stamps[0].isoformat(),
            "to": stamps[-1].isoformat(),
        }

    def endpoint(handler: Callable[..., dict[str, Any]], with_body: bool = False) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            try:
                if with_body:
                    try:
                        body = json.loads(await request.body())
                    except ValueError as exc:
                        raise HTTPProblem(400, "Bad Request", "the body is not JSON") from exc
                    # Blocking database work runs in the thread pool, as Starlette does for sync endpoints.
                    result = await run_in_threadpool(handler, request, body)
                else:
                    result = await run_in_threadpool(handler, request)
            except HTTPProblem as problem:
                body = {
                    "type": "about:blank",
                    "title": problem.title,
                    "status": problem.status,
                    "detail": problem.detail,
                }
                return JSONResponse(body, problem.status, media_type="application/problem+json")
            return JSONResponse(result)

        return run

    prefix = "/v1/tenants/{tenant_id}"

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route(f"{prefix}/services", endpoint(list_services)),
            Route(f"{prefix}/audit/events", endpoint(list_audit_events)),
            Route(f"{prefix}/search", endpoint(search)),
            Route(
                f"{prefix}/services/{{service_id}}/sli-samples",
                endpoint(record_sli_samples, with_body=True),
                methods=["POST"],
            ),
        ],
    )
    app.state.store = store
    return app
