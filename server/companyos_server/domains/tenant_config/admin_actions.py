"""Recent admin actions: successful mutations by tenant admins, platform engineers and platform admins.

Read from the audit trail (``AuditLog.list``, newest first). A page token remembers the audit page it
stopped in and how many of that page's events were already looked at, so pages never repeat or skip.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, or_

from companyos_server import errors
from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.audit.models import AuditEventRow
from companyos_server.platform.pagination import clamp_page_size, decode_token, encode_token
from companyos_server.platform.principal import TenantContext

ADMIN_ROLES = ("tenant_admin", "platform_engineer")
READ_METHODS = ("GET", "HEAD", "OPTIONS")
SCAN_BATCH = 200


def admin_role(event: dict[str, Any]) -> str | None:
    """The admin role an event was made with, or None when it is not an admin action."""
    details = event.get("details") or {}
    if event["outcome"] != "success" or str(details.get("method", "GET")).upper() in READ_METHODS:
        return None
    if event.get("actor_kind") == "anonymous":
        return None
    roles = list(event.get("roles") or [])
    for role in ADMIN_ROLES:
        if role in roles:
            return role
    # A successful tenant mutation by a caller with no role in the tenant: a platform admin.
    return "platform_admin" if not roles else None


def _admin_candidates() -> tuple[ColumnElement[bool], ...]:
    """:func:`admin_role`'s test as SQL, so a page of admin actions reads no reads (both databases).

    The roles test matches the JSON text of the list (a role name in quotes, or the empty list); the
    exact test still runs on each row, so the SQL may only ever let more through, never fewer.
    """
    method = func.upper(func.coalesce(AuditEventRow.details["method"].as_string(), "GET"))
    roles = cast(AuditEventRow.roles, String)
    return (
        AuditEventRow.outcome == "success",
        AuditEventRow.actor_kind != "anonymous",
        method.not_in(READ_METHODS),
        or_(*(roles.contains(f'"{role}"') for role in ADMIN_ROLES), func.replace(roles, " ", "") == "[]"),
    )


_ADMIN_CANDIDATES = _admin_candidates()


def to_action(event: dict[str, Any], role: str) -> dict[str, Any]:
    details = event.get("details") or {}
    return {
        "id": event["id"],
        "occurred_at": event["occurred_at"],
        "actor": event["actor"],
        "actor_role": role,
        "roles": list(event.get("roles") or []),
        "action": event["action"],
        "resource": event["resource"],
        "status": event.get("status"),
        "request_id": event.get("request_id"),
        "operation_id": details.get("operation_id"),
    }


def list_admin_actions(
    audit: AuditLog,
    ctx: TenantContext,
    *,
    since: datetime | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    size = clamp_page_size(page_size)
    filters = {"tenant": ctx.tenant_id, "since": since.isoformat() if since else None}
    cursor = decode_token(page_token, filters)
    audit_token: str | None = None
    skip = 0
    if cursor is not None:
        try:
            state = json.loads(cursor)
            audit_token, skip = state["t"], int(state["s"])
        except (ValueError, KeyError, TypeError):
            raise errors.invalid_argument(
                "page_token is not valid for this list.", [errors.FieldError("page_token", "malformed")]
            ) from None
    found: list[dict[str, Any]] = []
    while True:
        page = audit.list(
            ctx.tenant_id,
            since=since,
            page_size=SCAN_BATCH,
            page_token=audit_token,
            where=_ADMIN_CANDIDATES,
            where_key="admin-actions",
        )
        for index, event in enumerate(page.items):
            if index < skip:
                continue
            role = admin_role(event)
            if role is None:
                continue
            if len(found) == size:
                # One more exists: the next page starts at this event.
                return found, encode_token(json.dumps({"t": audit_token, "s": index}), filters)
            found.append(to_action(event, role))
        if not page.next_page_token:
            return found, None
        audit_token, skip = page.next_page_token, 0
