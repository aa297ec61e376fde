"""Handlers for the `maestro` tag: parse, call the service, shape the response."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import anyio
from starlette.responses import StreamingResponse

from companyos_server import errors
from companyos_server.core.maestro.models import TERMINAL_RUN_STATES
from companyos_server.domains.maestro import service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

# Explicit: the operations also declare application/problem+json, so connexion cannot infer it.
JSON = {"Content-Type": "application/json"}
SSE_POLL_SECONDS = 0.25
DEFAULT_STREAM_SECONDS = 9


def _m() -> Any:
    return get_runtime().maestro


def list_plans(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None, name: str | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    out = service.list_plans(
        _m(), current_tenant_context(), name=name, page_size=page_size, page_token=page_token
    )
    return out, 200, JSON


def create_plan(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    plan = service.create_plan(_m(), current_tenant_context(), body)
    return plan, 201, {**JSON, "Location": f"/v1/tenants/{tenant_id}/plans/{plan['id']}"}


def get_plan(tenant_id: str, plan_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.get_plan(_m(), current_tenant_context(), plan_id), 200, JSON


def update_plan(
    tenant_id: str, plan_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.update_plan(_m(), current_tenant_context(), plan_id, body), 200, JSON


def list_plan_versions(
    tenant_id: str, plan_id: str, page_size: int | None = None, page_token: str | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    out = service.list_plan_versions(
        _m(), current_tenant_context(), plan_id, page_size=page_size, page_token=page_token
    )
    return out, 200, JSON


def get_plan_version(
    tenant_id: str, plan_id: str, version: int
) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.get_plan_version(_m(), current_tenant_context(), plan_id, version), 200, JSON


def dry_run_plan(
    tenant_id: str, plan_id: str, version: int | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.dry_run(_m(), current_tenant_context(), plan_id, version), 200, JSON


def execute_plan(
    tenant_id: str, plan_id: str, body: dict[str, Any] | None = None, dry_run: bool = False
) -> tuple[dict[str, Any], int, dict[str, str]]:
    ctx = current_tenant_context()
    if dry_run:
        version = (body or {}).get("plan_version")
        return service.dry_run(_m(), ctx, plan_id, version), 200, JSON
    run = service.execute(_m(), ctx, plan_id, body)
    return run, 202, {**JSON, "Location": f"/v1/tenants/{tenant_id}/runs/{run['id']}"}


def list_runs(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    plan_id: str | None = None,
    state: str | None = None,
) -> tuple[dict[str, Any], int, dict[str, str]]:
    out = service.list_runs(
        _m(),
        current_tenant_context(),
        plan_id=plan_id,
        state=state,
        page_size=page_size,
        page_token=page_token,
    )
    return out, 200, JSON


def get_run(tenant_id: str, run_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.get_run(_m(), current_tenant_context(), run_id), 200, JSON


def cancel_run(tenant_id: str, run_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.cancel_run(_m(), current_tenant_context(), run_id), 200, JSON


def get_run_verification(
    tenant_id: str, run_id: str, since: datetime | None = None, until: datetime | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    since, until = _instant(since, "since"), _instant(until, "until")
    return service.verify_run(_m(), current_tenant_context(), run_id, since, until), 200, JSON


def _instant(value: Any, name: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise errors.invalid_argument(
            f"{name} is not an RFC 3339 date-time.",
            [errors.FieldError(name, "must be an RFC 3339 date-time")],
        ) from None
    if parsed.tzinfo is None:
        raise errors.invalid_argument(
            f"{name} needs a time zone offset.", [errors.FieldError(name, "must carry a UTC offset or Z")]
        )
    return parsed


def _sse(event: dict[str, Any]) -> bytes:
    data = json.dumps(event, default=lambda v: v.isoformat().replace("+00:00", "Z"), separators=(",", ":"))
    return f"id: {event['seq']}\nevent: {event['type']}\ndata: {data}\n\n".encode()


async def stream_run_events(
    tenant_id: str, run_id: str, after: int | None = None, wait_seconds: int | None = None
) -> StreamingResponse:
    """Server-Sent Events: one event per transition; ends at a terminal state or after ``wait_seconds``."""
    from connexion import request

    maestro = _m()
    ctx = current_tenant_context()
    last_id = request.headers.get("last-event-id", "")
    start = after if after is not None else (int(last_id) if last_id.isdigit() else 0)
    budget = DEFAULT_STREAM_SECONDS if wait_seconds is None else wait_seconds
    first, state = await anyio.to_thread.run_sync(maestro.run_events, ctx.tenant_id, run_id, start)

    async def body() -> AsyncIterator[bytes]:
        seen, pending, current = start, first, state
        deadline = anyio.current_time() + budget
        yield b"retry: 500\n\n"
        while True:
            for event in pending:
                seen = event["seq"]
                yield _sse(event)
            if current in TERMINAL_RUN_STATES:
                return
            remaining = deadline - anyio.current_time()
            if remaining <= 0:
                yield b": stream window ended; reconnect with Last-Event-ID to continue\n\n"
                return
            await anyio.sleep(min(SSE_POLL_SECONDS, remaining))
            pending, current = await anyio.to_thread.run_sync(maestro.run_events, ctx.tenant_id, run_id, seen)

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(body(), media_type="text/event-stream", headers=headers)
