"""A small connexion app wired exactly like the real one (install → add_api → extra_routes → wrap_root),
with a stand-in guard, so the platform middleware is tested without the identity subsystem."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from companyos_server.errors import DomainError, FieldError
from companyos_server.platform import middleware
from companyos_server.platform.middleware.models import IdempotencyKeyRow
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.requestctx import scope_state, tenant_context_var
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.spec import SpecIndex
from companyos_server.settings import Settings

CTRL = "tests.unit.platform.apphelpers"
PROBLEM = {"application/problem+json": {"schema": {"type": "object"}}}

TIERS = {"acme": "free", "globex": "enterprise", "initech": "standard"}
COUNTERS: dict[str, int] = {"create": 0, "slow": 0}
EVENTS: dict[str, asyncio.Event] = {}


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    doc = {
        "operationId": op_id,
        "x-openapi-router-controller": CTRL,
        "tags": ["test"],
        "summary": op_id,
        "responses": {"200": {"description": "ok"}, "400": {"description": "bad", "content": PROBLEM}},
    }
    doc.update(extra)
    return doc


THING = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 10},
        "count": {"type": "integer", "minimum": 0},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
    },
}
JSON_BODY = {"required": True, "content": {"application/json": {"schema": THING}}}
TENANT = {"name": "tenant_id", "in": "path", "required": True, "schema": {"type": "string"}}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "platform test", "version": "9.9.9"},
    "security": [{"bearerAuth": []}],
    "paths": {
        "/v1/health": {"get": _op("health", security=[])},
        "/v1/things": {
            "get": _op(
                "list_things",
                parameters=[
                    {
                        "name": "page_size",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                    },
                    {"name": "filter", "in": "query", "schema": {"type": "string", "maxLength": 5}},
                ],
            ),
            "post": _op("create_thing", requestBody=JSON_BODY),
        },
        "/v1/things/{thing_id}": {
            "get": _op(
                "get_thing",
                parameters=[
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "pattern": "^thg_[a-z0-9]+$"},
                    }
                ],
            ),
            "delete": _op(
                "delete_thing",
                parameters=[
                    {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
            ),
        },
        "/v1/boom": {"get": _op("boom")},
        "/v1/server-error": {"post": _op("server_error", requestBody=JSON_BODY)},
        "/v1/domain": {"get": _op("domain_failure")},
        "/v1/slow": {"post": _op("slow_thing", requestBody=JSON_BODY)},
        "/v1/tenants/{tenant_id}/things": {
            "get": _op("list_tenant_things", parameters=[TENANT]),
            "post": _op("create_tenant_thing", parameters=[TENANT], requestBody=JSON_BODY),
        },
    },
    "components": {
        "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer", "x-bearerInfoFunc": f"{CTRL}.bearer_info"}
        }
    },
}


# ----------------------------------------------------------------------------- security + guard


def bearer_info(token: str, request: Any = None) -> dict[str, Any] | None:
    """Tokens look like 'user-<subject>[:tenant,tenant]'."""
    if not token.startswith("user-"):
        return None
    subject, _, tenants = token[5:].partition(":")
    principal = Principal(
        subject=subject, kind="user", tenants={t: ("viewer",) for t in tenants.split(",") if t}
    )
    if request is not None:
        scope_state(request.scope)["principal"] = principal
    return {"sub": subject, "principal": principal}


class FakeGuard:
    """Stands in for platform.guard: puts principal, tenant context and tier on the scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            state = scope_state(scope)
            info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
            if isinstance(info, dict) and "principal" in info:
                state["principal"] = info["principal"]
            tenant_id = scope.get("path_params", {}).get("tenant_id")
            if tenant_id and "principal" in state:
                ctx = TenantContext(tenant_id=tenant_id, principal=state["principal"])
                state["tenant_context"] = ctx
                state["tenant_tier"] = TIERS.get(tenant_id)
                tenant_context_var.set(ctx)
        await self.app(scope, receive, send)


# ----------------------------------------------------------------------------- handlers


def health() -> dict[str, Any]:
    return {"status": "ok"}


def list_things(page_size: int | None = None, filter: str | None = None) -> dict[str, Any]:
    return {"items": [], "page_size": page_size}


def create_thing(body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    COUNTERS["create"] += 1
    n = COUNTERS["create"]
    return {"id": f"thg_{n}", "n": n, **body}, 201, {"Location": f"/v1/things/thg_{n}", "X-Not-Stored": "x"}


def get_thing(thing_id: str) -> dict[str, Any]:
    return {"id": thing_id}


def delete_thing(thing_id: str) -> tuple[None, int]:
    return None, 204


def boom() -> dict[str, Any]:
    raise RuntimeError("secret internals: password=hunter2 at /srv/app.py line 12")


def server_error(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    COUNTERS["create"] += 1
    return {"n": COUNTERS["create"]}, 503


def domain_failure() -> dict[str, Any]:
    raise DomainError(
        "The caller may not do that.",
        403,
        "Forbidden",
        "permission-denied",
        errors=[FieldError("name", "is taken", "conflict")],
        extra={"reasons": ["role viewer does not permit things:delete"]},
        headers={"Retry-After": "7", "X-Custom": "kept"},
    )


async def slow_thing(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    COUNTERS["slow"] += 1
    event = EVENTS.get("slow")
    if event is not None:
        await event.wait()
    return {"n": COUNTERS["slow"]}, 201


def list_tenant_things(tenant_id: str) -> dict[str, Any]:
    return {"tenant": tenant_id, "items": []}


def create_tenant_thing(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    COUNTERS["create"] += 1
    return {"tenant": tenant_id, "n": COUNTERS["create"], **body}, 201


# ----------------------------------------------------------------------------- app


def make_runtime(tmp_path: Path, **overrides: Any) -> Runtime:
    values: dict[str, Any] = {
        "env": "test",
        "var_dir": tmp_path / "var",
        "builtin_idp": False,
        "rate_limit_enabled": False,
        "log_level": "INFO",
    }
    values.update(overrides)
    runtime = Runtime(Settings(**values))
    runtime.__dict__["spec"] = SpecIndex(SPEC)  # overrides the cached_property
    IdempotencyKeyRow.__table__.create(runtime.db.engine, checkfirst=True)
    return runtime


def build_test_app(runtime: Runtime) -> Any:
    api = AsyncApp(__name__)
    api.add_middleware(FakeGuard, position=MiddlewarePosition.BEFORE_VALIDATION)
    middleware.install(api, runtime)
    api.add_api(runtime.spec.connexion_document(), strict_validation=True)
    root = Starlette(routes=[*middleware.extra_routes(runtime), Mount("/", app=api)])
    return middleware.wrap_root(root, runtime)
