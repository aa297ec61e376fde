"""Audit trail reads, verification and exports for one tenant. No HTTP here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from companyos_server import errors
from companyos_server.platform.audit import export
from companyos_server.platform.audit.log import OUTCOMES, AuditLog
from companyos_server.platform.jobs.queue import JobQueue
from companyos_server.platform.pagination import Page
from companyos_server.platform.principal import TenantContext


def _instant(name: str, value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value.astimezone(UTC) if isinstance(value, datetime) and value.tzinfo else value
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise errors.invalid_argument(
            f"{name} is not an RFC 3339 date-time.",
            [errors.FieldError(name, "must be an RFC 3339 date-time")],
        ) from None
    if parsed.tzinfo is None:
        raise errors.invalid_argument(
            f"{name} needs a UTC offset.", [errors.FieldError(name, "must carry a UTC offset, e.g. Z")]
        )
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 is before the first instant Python can hold
        raise errors.invalid_argument(
            f"{name} is out of range.",
            [errors.FieldError(name, "must lie between the years 1 and 9999 in UTC")],
        ) from None


def list_events(
    audit: AuditLog,
    ctx: TenantContext,
    *,
    actor: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
    resource: str | None = None,
    since: str | datetime | None = None,
    until: str | datetime | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    if outcome is not None and outcome not in OUTCOMES:
        raise errors.invalid_argument(
            f"Unknown outcome '{outcome}'.",
            [errors.FieldError("outcome", f"must be one of {', '.join(OUTCOMES)}")],
        )
    return audit.list(
        ctx.tenant_id,
        actor=actor,
        action=action,
        outcome=outcome,
        resource=resource,
        since=_instant("since", since),
        until=_instant("until", until),
        page_size=page_size,
        page_token=page_token,
    )


def verify(audit: AuditLog, ctx: TenantContext, *, known_checkpoint: str | None = None) -> dict[str, Any]:
    """Verify the tenant's chain; ``known_checkpoint`` (``<size>:<head_hash>``) is one the caller verified before."""
    if known_checkpoint is None:
        return audit.verify(ctx.tenant_id)
    size, _, head_hash = known_checkpoint.partition(":")
    if not (
        size.isdigit()
        and int(size) > 0
        and len(head_hash) == 64
        and set(head_hash) <= set("0123456789abcdef")
    ):
        raise errors.invalid_argument(
            "known_checkpoint is '<size>:<head_hash>' of a checkpoint you verified before.",
            [errors.FieldError("known_checkpoint", "is not '<size>:<64 hex digits>'")],
        )
    return audit.verify(ctx.tenant_id, known_size=int(size), known_hash=head_hash)


def start_export(jobs: JobQueue, ctx: TenantContext, body: dict[str, Any] | None = None) -> dict[str, Any]:
    params = {"format": (body or {}).get("format", "ndjson")}
    return jobs.submit(ctx.tenant_id, export.KIND, params, ctx.principal.subject)
