"""Scheduled reports: delivery policies (which report, which format, to whom, how often) and the scheduler
that carries them out.

Each run makes one export per recipient (:mod:`.exports`: each recipient's rows carry their own
watermark). Every serving process runs :func:`run_due` every
``COMPANYOS_ANALYTICS_SCHEDULE_INTERVAL_SECONDS`` (default 60; 0 = off); a due schedule is claimed by
moving its ``next_run_at`` from the value read to the next one in one conditional UPDATE, so with several
workers a due time is delivered once. A run acts with its creator's current rights
(:func:`creator_context`); one they or the guardrails refuse (the creator may no longer export, the
tenant's residency or a sandbox rule forbids the destination) makes no export and keeps the reason in
``last_error``; the schedule stays on for its next due time.
"""

from __future__ import annotations

import calendar
import logging
from datetime import datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from companyos_server import errors
from companyos_server.domains.analytics import exports, store
from companyos_server.domains.tenants.store import TenantRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.periodic import PeriodicPass, run_every
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.storage import new_id, tenant_select, utcnow

log = logging.getLogger("companyos.analytics")

SCHEDULER = "report-scheduler"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY = ("day", "week", "month")
MAX_DUE_PER_PASS = 100
_EXPORT_FIELDS = ("report", "parameters", "format", "destination_region", "redactions")


def cadence_of(value: Any) -> dict[str, Any]:
    """The cadence with its defaults filled in (a weekday or day of month that does not apply left out),
    or 400."""
    if not isinstance(value, dict) or value.get("every") not in EVERY:
        raise errors.invalid_argument("cadence.every must be day, week or month.",
                                      [errors.FieldError("cadence.every", ", ".join(EVERY))])  # fmt: skip
    at = value.get("at", "06:00")
    try:
        hour, minute = (int(part) for part in str(at).split(":"))
        time(hour, minute)
    except ValueError:
        raise errors.invalid_argument(
            "cadence.at is HH:MM (UTC).", [errors.FieldError("cadence.at", "HH:MM")]
        ) from None
    out: dict[str, Any] = {"every": value["every"], "at": f"{hour:02d}:{minute:02d}"}
    if value["every"] == "week":
        weekday = value.get("weekday", "mon")
        if weekday not in WEEKDAYS:
            raise errors.invalid_argument(
                "cadence.weekday is mon..sun.", [errors.FieldError("cadence.weekday", "mon..sun")]
            )
        out["weekday"] = weekday
    elif value["every"] == "month":
        day = value.get("day_of_month", 1)
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 28:
            raise errors.invalid_argument("cadence.day_of_month is 1..28 (every month has it).",
                                          [errors.FieldError("cadence.day_of_month", "1..28")])  # fmt: skip
        out["day_of_month"] = day
    return out


def next_run_after(cadence: dict[str, Any], after: datetime) -> datetime:
    """The first due time strictly after ``after`` (UTC)."""
    hour, minute = (int(part) for part in cadence["at"].split(":"))
    day = after.date()
    for _ in range(400):  # a due time is at most ~31 days away; bounded all the same
        candidate = datetime(day.year, day.month, day.day, hour, minute, tzinfo=after.tzinfo)
        due = (
            cadence["every"] == "day"
            or (cadence["every"] == "week" and WEEKDAYS[day.weekday()] == cadence["weekday"])
            or (cadence["every"] == "month" and day.day == min(cadence["day_of_month"], calendar.monthrange(day.year, day.month)[1]))
        )  # fmt: skip
        if due and candidate > after:
            return candidate
        day += timedelta(days=1)
    raise AssertionError("unreachable: every cadence is due within a month")


def to_dict(row: store.AnalyticsScheduleRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "name": row.name,
        "report": row.report,
        "parameters": dict(row.parameters),
        "format": row.format,
        "recipients": list(row.recipients),
        "destination_region": row.destination_region,
        "redactions": dict(row.redactions),
        "cadence": dict(row.cadence),
        "enabled": row.enabled,
        "next_run_at": row.next_run_at,
        "last_run_at": row.last_run_at,
        "last_export_ids": list(row.last_export_ids),
        "last_error": row.last_error,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _recipients(value: Any) -> list[str]:
    if (not isinstance(value, list) or not 1 <= len(value) <= 20
            or any(not isinstance(r, str) or not 1 <= len(r) <= 200 for r in value) or len(set(value)) != len(value)):  # fmt: skip
        raise errors.invalid_argument("recipients is a list of 1 to 20 distinct names.",
                                      [errors.FieldError("recipients", "1..20 distinct strings")])  # fmt: skip
    return list(value)


def _name(value: Any) -> str:
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= 200:
        raise errors.invalid_argument("name is required.", [errors.FieldError("name", "1..200 characters")])
    return value.strip()


def _get(session: Any, tenant_id: str, schedule_id: str) -> store.AnalyticsScheduleRow:
    row = session.scalars(
        tenant_select(store.AnalyticsScheduleRow, tenant_id).where(
            store.AnalyticsScheduleRow.id == schedule_id
        )
    ).first()
    if row is None:
        raise errors.not_found("Scheduled report", schedule_id)
    return row  # type: ignore[no-any-return]


def _duplicate(name: str) -> errors.DomainError:
    return errors.DomainError(f"A scheduled report named '{name}' exists.", 409, "Conflict", "conflict")


def create_schedule(runtime: Any, backend: Any, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    name, recipients, cadence = (
        _name(body.get("name")),
        _recipients(body.get("recipients")),
        cadence_of(body.get("cadence")),
    )
    enabled = body.get("enabled", True)
    if not isinstance(enabled, bool):
        raise errors.invalid_argument("enabled is a boolean.", [errors.FieldError("enabled", "boolean")])
    checked = exports.validate(runtime, backend, ctx, {k: body.get(k) for k in _EXPORT_FIELDS})
    now = utcnow()
    row = store.AnalyticsScheduleRow(
        id=new_id("rsch"), tenant_id=ctx.tenant_id, name=name, report=checked["report"],
        parameters=checked["parameters"], format=checked["format"], recipients=recipients,
        destination_region=checked["destination_region"], redactions=dict(body.get("redactions") or {}),
        cadence=cadence, enabled=enabled, next_run_at=next_run_after(cadence, now) if enabled else None,
        last_export_ids=[], created_by=ctx.principal.subject, created_at=now, updated_at=now,
        authority={"kind": ctx.principal.kind, "roles": list(ctx.principal.roles_in(ctx.tenant_id))},
    )  # fmt: skip
    try:
        with runtime.db.session() as session:
            if session.scalars(tenant_select(store.AnalyticsScheduleRow, ctx.tenant_id)
                               .where(store.AnalyticsScheduleRow.name == name)).first() is not None:  # fmt: skip
                raise _duplicate(name)
            session.add(row)
            session.flush()
            return to_dict(row)
    except IntegrityError:  # a concurrent create of the same name
        raise _duplicate(name) from None


def get_schedule(db: Any, ctx: TenantContext, schedule_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_get(session, ctx.tenant_id, schedule_id))


def list_schedules(db: Any, ctx: TenantContext, *, page_size: int | None = None,
                   page_token: str | None = None) -> Page[dict[str, Any]]:  # fmt: skip
    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[store.AnalyticsScheduleRow]:
            query = tenant_select(store.AnalyticsScheduleRow, ctx.tenant_id)
            if after:
                name, _, ident = after.partition("\x00")
                query = query.where(
                    (store.AnalyticsScheduleRow.name > name)
                    | ((store.AnalyticsScheduleRow.name == name) & (store.AnalyticsScheduleRow.id > ident))
                )
            order = (store.AnalyticsScheduleRow.name, store.AnalyticsScheduleRow.id)
            return list(session.scalars(query.order_by(*order).limit(limit)))

        page = paginate(fetch, key=lambda r: f"{r.name}\x00{r.id}", page_size=page_size, page_token=page_token,
                        filters={"tenant": ctx.tenant_id})  # fmt: skip
        return Page([to_dict(r) for r in page.items], page.next_page_token)


def update_schedule(runtime: Any, backend: Any, ctx: TenantContext, schedule_id: str,
                    body: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Change the fields given. The change applies to the schedule as it was read: a concurrent change in
    between (the checks run the report, which takes a while) is a 409, never silently overwritten."""
    with runtime.db.session() as session:
        current = to_dict(_get(session, ctx.tenant_id, schedule_id))
    changes: dict[str, Any] = {}
    if "name" in body:
        changes["name"] = _name(body["name"])
    if "recipients" in body:
        changes["recipients"] = _recipients(body["recipients"])
    if "cadence" in body:
        changes["cadence"] = cadence_of(body["cadence"])
    if "enabled" in body:
        if not isinstance(body["enabled"], bool):
            raise errors.invalid_argument("enabled is a boolean.", [errors.FieldError("enabled", "boolean")])
        changes["enabled"] = body["enabled"]
    if any(k in body for k in _EXPORT_FIELDS):
        checked = exports.validate(
            runtime, backend, ctx, {k: body[k] if k in body else current[k] for k in _EXPORT_FIELDS}
        )
        changes |= {k: checked[k] for k in ("parameters", "format", "destination_region") if k in body}
        if "redactions" in body:
            changes["redactions"] = dict(body["redactions"] or {})
    enabled = changes.get("enabled", current["enabled"])
    if not enabled:
        changes["next_run_at"] = None
    elif "cadence" in changes or not current["enabled"]:
        changes["next_run_at"] = next_run_after(changes.get("cadence", current["cadence"]), utcnow())
    name = changes.get("name")
    try:
        with runtime.db.session() as session:
            if name and name != current["name"] and session.scalars(
                tenant_select(store.AnalyticsScheduleRow, ctx.tenant_id).where(store.AnalyticsScheduleRow.name == name)
            ).first() is not None:  # fmt: skip
                raise _duplicate(name)
            moved = session.execute(
                update(store.AnalyticsScheduleRow)
                .where(store.AnalyticsScheduleRow.id == schedule_id,
                       store.AnalyticsScheduleRow.updated_at == current["updated_at"])
                .values(**changes, updated_at=utcnow())
            ).rowcount  # fmt: skip
            if moved != 1:
                raise errors.DomainError(
                    f"Scheduled report '{schedule_id}' changed while this change was checked; read it and try again.",
                    409, "Conflict", "conflict",
                )  # fmt: skip
    except IntegrityError:  # a concurrent rename to the same name
        raise _duplicate(str(name)) from None
    return get_schedule(runtime.db, ctx, schedule_id)


def delete_schedule(db: Any, ctx: TenantContext, schedule_id: str) -> None:
    with db.session() as session:
        session.delete(_get(session, ctx.tenant_id, schedule_id))


# -- running ------------------------------------------------------------------------------------------
def creator_context(
    db: Any, tenant_id: str, settings: dict[str, Any], authority: dict[str, Any]
) -> TenantContext:
    """A scheduled run acts with its creator's rights as they are now: a user or service client of the
    built-in provider with its current roles in the tenant (none once disabled or removed), an identity
    of an external provider with the roles it had when it made the schedule."""
    from companyos_server.platform.identity.models import IdpClient, IdpUser

    subject = settings["created_by"]
    kind: Literal["user", "client"]
    with db.session() as session:
        user = session.get(IdpUser, subject)
        client = None if user is not None else session.get(IdpClient, subject)
        if user is not None:
            kind, roles = "user", () if user.disabled else tuple((user.tenants or {}).get(tenant_id, ()))
        elif client is not None:
            kind, roles = "client", tuple(client.roles or ()) if client.tenant_id == tenant_id else ()
        else:
            kind = "client" if authority.get("kind") == "client" else "user"
            roles = tuple(authority.get("roles") or ())
    tenants = {tenant_id: roles} if roles else {}
    principal = Principal(
        subject=subject, kind=kind, tenants=tenants, client_id=subject if kind == "client" else None
    )
    return TenantContext(tenant_id=tenant_id, principal=principal, roles=roles)


def deliver(runtime: Any, backend: Any, tenant_id: str, schedule_id: str, *,
            ctx: TenantContext | None = None) -> dict[str, Any]:  # fmt: skip
    """One export per recipient now. ``ctx`` is the caller of a manual run (checked as any export is, and
    named as the exports' author); without it the scheduler runs it with its creator's current rights."""
    with runtime.db.session() as session:
        row = _get(session, tenant_id, schedule_id)
        settings, authority = to_dict(row), dict(row.authority or {})
    scheduled = ctx is None
    acting = ctx or creator_context(runtime.db, tenant_id, settings, authority)
    made: list[dict[str, Any]] = []
    error: str | None = None
    try:
        checked = exports.validate(runtime, backend, acting, {k: settings[k] for k in _EXPORT_FIELDS})
        for recipient in settings["recipients"]:
            made.append(exports.create_export(runtime, acting, checked, recipient, schedule_id=schedule_id))
    except errors.DomainError as exc:
        if not scheduled:
            raise
        error = f"{exc.status} {exc.detail}"
    except Exception as exc:  # a run's failure is recorded on the schedule, never lost in a log alone
        if not scheduled:
            raise
        log.exception("scheduled report %s of %s failed", schedule_id, tenant_id)
        error = f"500 the run failed ({type(exc).__name__}); it is retried at the next due time"
    with runtime.db.session() as session:
        session.execute(
            update(store.AnalyticsScheduleRow)
            .where(store.AnalyticsScheduleRow.id == schedule_id)
            .values(last_run_at=utcnow(), last_export_ids=[e["id"] for e in made], last_error=error)
        )
    _audit(runtime, settings, made, error, SCHEDULER if scheduled else acting.principal.subject)
    return {"schedule_id": schedule_id, "exports": made}


def _audit(
    runtime: Any, settings: dict[str, Any], made: list[dict[str, Any]], error: str | None, actor: str
) -> None:
    runtime.audit.record(
        settings["tenant_id"], actor=actor, actor_kind="system" if actor == SCHEDULER else "user",
        action="analytics:schedule.run", resource=f"analytics_schedule:{settings['id']}",
        outcome="failure" if error else "success", status=None, request_id=None,
        details={"on_behalf_of": settings["created_by"], "recipients": settings["recipients"],
                 "export_ids": [e["id"] for e in made], "error": error},
    )  # fmt: skip


def run_due(runtime: Any, *, now: datetime | None = None) -> int:
    """Deliver every schedule due by ``now`` that this process claims; returns how many it delivered."""
    from companyos_server.domains.analytics.service import warehouse

    now = now or utcnow()
    with runtime.db.session() as session:
        due = list(session.execute(
            select(store.AnalyticsScheduleRow.id, store.AnalyticsScheduleRow.tenant_id,
                   store.AnalyticsScheduleRow.next_run_at, store.AnalyticsScheduleRow.cadence, TenantRow.residency)
            .join(TenantRow, TenantRow.id == store.AnalyticsScheduleRow.tenant_id)
            .where(store.AnalyticsScheduleRow.enabled.is_(True), store.AnalyticsScheduleRow.next_run_at <= now,
                   TenantRow.status == "active")  # a suspended tenant's schedules wait with it
            .order_by(store.AnalyticsScheduleRow.next_run_at).limit(MAX_DUE_PER_PASS)
        ))  # fmt: skip
    delivered = 0
    for schedule_id, tenant_id, due_at, cadence, residency in due:
        with runtime.db.session() as session:
            claimed = session.execute(
                update(store.AnalyticsScheduleRow)
                .where(store.AnalyticsScheduleRow.id == schedule_id, store.AnalyticsScheduleRow.next_run_at == due_at)
                .values(next_run_at=next_run_after(cadence, now))
            ).rowcount  # fmt: skip
        if claimed != 1:  # another process took this due time
            continue
        try:
            deliver(runtime, warehouse(runtime).partition(residency), tenant_id, schedule_id)
            delivered += 1
        except Exception:  # one schedule's failure must not stall the others
            log.exception("scheduled report %s of %s failed", schedule_id, tenant_id)
    return delivered


def follow_schedules(runtime: Any) -> PeriodicPass | None:
    return run_every(
        runtime, "analytics-schedules", runtime.settings.analytics_schedule_interval_seconds,
        lambda: run_due(runtime), log,
    )  # fmt: skip
