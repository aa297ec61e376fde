"""Records an audit event for every mutation, every denied request and every cross-tenant read.

Sits inside connexion after routing and before security, so the operation is known and the
security/guard layers' refusals (401/403 raised as exceptions) pass through here.

When: the event is written as soon as the status is known, i.e. when the response start message
comes down (before it is forwarded, so a client never sees a success whose event is not yet
stored), or when the downstream call raises (connexion's exception middleware, further out,
renders the problem afterwards; we record and re-raise).

Failure policy: the handler's effects are already committed when we learn the status, so a
failed audit write cannot undo the request; it is logged at CRITICAL on ``companyos.audit`` (with
the event's fields) and the response goes out unchanged. Alert on that logger.

An Idempotency-Key replay (the stored answer of a request already made) is not a second action and
appends no event: the first request's event stands for both. A POST with an Idempotency-Key has its
event appended by the idempotency middleware instead, in the transaction that stores its response
(:func:`join_event`; one transaction for both, and the response is forwarded after it committed).

Which chain: the tenant's chain when the guard established a tenant context or the caller is a
member of the tenant in the path; otherwise (anonymous callers, unknown tenants) the ``_platform``
chain, with the requested tenant in ``details`` — an anonymous caller cannot create chains.

Requests refused because their bearer token is missing or fails validation have no principal and
append no event each: they are limited per client address and counted per (source, reason, window)
(``platform/authfailures``), which summarizes them on the ``_platform`` chain periodically.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import parse_qs

import anyio
from connexion.exceptions import ProblemException
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from companyos_server.errors import DomainError
from companyos_server.platform.authfailures import COUNTED as COUNTED_AUTH_FAILURE
from companyos_server.platform.guard import PURPOSE_MAX
from companyos_server.platform.middleware.idempotency import AUDIT_JOIN, AUDIT_JOINED, is_replay
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.requestctx import request_id_var, scope_state
from companyos_server.platform.runtime import get_runtime

log = logging.getLogger("companyos.audit")

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DENIED = frozenset({401, 403})
SCOPE_PARAMS = ("tenant_id", "environment")


def status_of(exc: BaseException) -> int:
    if isinstance(exc, ProblemException):
        return int(exc.status or 500)
    if isinstance(exc, HTTPException):
        return int(exc.status_code)
    if isinstance(exc, DomainError):
        return int(exc.status)
    return 500


def outcome_of(status: int) -> str:
    if status in DENIED:
        return "denied"
    return "success" if status < 400 else "failure"


def _principal(scope: Scope) -> Principal | None:
    state = scope_state(scope)
    if state.get("principal") is not None:
        return state["principal"]
    token_info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
    if isinstance(token_info, dict):
        return token_info.get("principal")
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1").strip() or None
    return None


def _operation_id(scope: Scope) -> str | None:
    """The spec's operationId. connexion reports it resolved against the router controller
    (``companyos_server.domains.tenants.api.update_tenant``); the spec index uses the plain id."""
    raw = scope.get("extensions", {}).get("connexion_routing", {}).get("operation_id")
    return str(raw).rsplit(".", 1)[-1] if raw else None


def _is_dry_run(scope: Scope) -> bool:
    query = parse_qs(bytes(scope.get("query_string") or b"").decode("latin-1"))
    return query.get("dry_run", [""])[-1].lower() in ("true", "1")


def build_event(scope: Scope, status: int, exc: BaseException | None = None) -> dict[str, Any] | None:
    """The audit event for a finished request, or None when the request is not audited."""
    state = scope_state(scope)
    if state.get(COUNTED_AUTH_FAILURE):  # no principal: counted per source in auth_failure_counts instead
        return None
    ctx: TenantContext | None = state.get("tenant_context")
    method = str(scope.get("method", "GET")).upper()
    cross = bool(ctx and ctx.cross_tenant)
    tenant_info = state.get("tenant")
    # A security playbook raised the tenant's logging (domains/secops/controls.py): its reads count too.
    raised = tenant_info is not None and tenant_info.audits_reads()
    if method in READ_METHODS and status not in DENIED and not cross and not raised:
        return None

    operation_id = _operation_id(scope)
    info = state.get("operation")
    if info is None and operation_id:
        try:
            info = get_runtime().spec.get(operation_id)
        except RuntimeError:
            info = None
    if getattr(info, "safe", False) and status not in DENIED and not cross and not raised:
        return None  # a POST that changes nothing is audited as a read is
    principal = _principal(scope)
    path_params: dict[str, Any] = dict(scope.get("path_params") or {})
    requested = path_params.get("tenant_id")
    tenant: str | None = None
    if ctx is not None:
        tenant = ctx.tenant_id
    elif requested and principal is not None and principal.is_member(str(requested)):
        tenant = str(requested)

    resource_type = (info.resource_type if info else None) or (info.tag if info else "request")
    ident = next((str(v) for k, v in reversed(path_params.items()) if k not in SCOPE_PARAMS), None)
    ident = ident or (str(requested) if requested else "*")
    details: dict[str, Any] = {"operation_id": operation_id, "method": method, "path": scope.get("path")}
    if requested and tenant is None:
        details["requested_tenant"] = str(requested)
    if cross:
        details["cross_tenant"] = True
    if raised and (method in READ_METHODS or getattr(info, "safe", False)):
        details["raised_logging"] = True
    if _is_dry_run(scope):
        details["dry_run"] = True  # the same action, but nothing changed: auditors must tell them apart
    decision = state.get("decision")
    if decision is not None and not getattr(decision, "allowed", True):
        details["reasons"] = list(getattr(decision, "reasons", ()))
    if exc is not None and status >= 500:
        details["error"] = type(exc).__name__
    return {
        "tenant_id": tenant,
        "actor": principal.subject if principal else "anonymous",
        "actor_kind": principal.kind if principal else "anonymous",
        "roles": list(principal.roles_in(tenant)) if principal and tenant else [],
        "action": (info.action if info and info.action else None)
        or operation_id
        or f"{method} {scope.get('path')}",
        "resource": f"{resource_type}:{ident}",
        "outcome": outcome_of(status),
        "status": status,
        "request_id": request_id_var.get(),
        # Unchecked when the request was refused before the guard: kept, but never longer than a valid one.
        "purpose": ctx.purpose
        if ctx
        else (_header(scope, b"x-companyos-purpose") or "")[:PURPOSE_MAX] or None,
        "details": details,
    }


async def record(scope: Scope, status: int, exc: BaseException | None = None) -> None:
    event: dict[str, Any] | None = None
    try:
        event = build_event(scope, status, exc)
        if event is None:
            return
        tenant = event.pop("tenant_id")
        await anyio.to_thread.run_sync(partial(get_runtime().audit.record, tenant, **event))
    except Exception:
        log.critical(
            "AUDIT WRITE FAILED for %s %s: %r", scope.get("method"), scope.get("path"), event, exc_info=True
        )


def join_event(scope: Scope, session: Any, *, status: int) -> Callable[[], Any] | None:
    """Append the request's event inside ``session`` (the caller's transaction, which must commit it);
    returns what to call once it committed (the chain's checkpoint), or None when nothing is audited.
    Raises when the append fails: the caller's transaction then rolls back."""
    event = build_event(scope, status)
    if event is None:
        return None
    audit = get_runtime().audit
    tenant = event.pop("tenant_id")
    appended = audit.record_in(session, tenant, **event)
    return partial(audit.committed, appended)


class AuditMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        recorded = False
        state = scope_state(scope)
        if str(scope.get("method", "")).upper() not in READ_METHODS:
            state[AUDIT_JOIN] = partial(join_event, scope)

        async def send_wrapper(message: Message) -> None:
            nonlocal recorded
            if message["type"] == "http.response.start" and not recorded:
                recorded = True
                # A replay: the action was audited once. Joined: appended with the stored response.
                if not is_replay(scope) and not state.get(AUDIT_JOINED):
                    await record(scope, int(message["status"]))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except BaseException as exc:
            if not recorded and isinstance(exc, Exception) and not state.get(AUDIT_JOINED):
                recorded = True
                await record(scope, status_of(exc), exc)
            raise
