"""The baseline for `api_overhead`: a bare Starlette app doing the same work as GET /v1/tenants.

Same JWT validation (the server's :class:`TokenValidator`, same key store, issuer and revocation
check), same SQLAlchemy query over the same SQLite file (``tenants.store.list_page``, one page ordered
by id), same JSON shape. No contract validation, no middleware, no policy: the difference between the two
servers is what the platform layer costs.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from companyos_server.domains.tenants import store
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.validation import TokenError, TokenValidator
from companyos_server.platform.storage import Database
from companyos_server.settings import Settings


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    db = Database(settings.effective_database_url)
    validator = TokenValidator(settings, KeyStore(settings.var_dir), db=db)

    def list_tenants(request: Request) -> Response:
        auth = request.headers.get("authorization", "")
        if not auth.lower().startswith("bearer "):
            return _problem(401, "Authentication is required.")
        try:
            principal = validator.validate(auth[7:].strip())
        except TokenError as exc:
            return _problem(401, exc.detail)
        page_size = min(max(int(request.query_params.get("page_size", "50")), 1), 500)
        visible = None if principal.is_platform_admin else sorted(principal.tenants)
        with db.session() as session:
            rows = store.list_page(session, visible_ids=visible, after=None, limit=page_size + 1)
            items = [_tenant(row) for row in rows[:page_size]]
        next_token = items[-1]["id"] if len(rows) > page_size else None
        return JSONResponse({"items": items, "next_page_token": next_token})

    def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    return Starlette(routes=[Route("/v1/tenants", list_tenants), Route("/v1/health", health)])


def _tenant(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "display_name": row.display_name,
        "tier": row.tier,
        "residency": row.residency,
        "status": row.status,
        "labels": dict(row.labels or {}),
        "created_at": row.created_at.isoformat().replace("+00:00", "Z"),
        "updated_at": row.updated_at.isoformat().replace("+00:00", "Z"),
    }


def _problem(status: int, detail: str) -> Response:
    body = {"type": "about:blank", "title": "Unauthorized", "status": status, "detail": detail}
    return Response(json.dumps(body), status_code=status, media_type="application/problem+json")
