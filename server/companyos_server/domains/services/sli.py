"""SLI samples pushed for a service: validated as one batch, stored with replace-by-timestamp.

Samples are ``good`` of ``total`` events in a bucket at ``ts``. The service's SLO summary and Maestro's
post-action verification read them; the table belongs to the shared core (``sli_samples``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, union_all

from companyos_server import errors
from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.services import store
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

FUTURE_SKEW = timedelta(minutes=5)
DEFAULT_WINDOW = timedelta(hours=24)


def _parse(samples: list[dict[str, Any]], now: datetime) -> list[tuple[datetime, int, int]]:
    """Every sample checked before anything is stored: all field errors at once, or none."""
    problems: list[errors.FieldError] = []
    parsed: dict[datetime, tuple[datetime, int, int]] = {}
    for i, sample in enumerate(samples):
        field = f"samples[{i}]"
        try:
            ts = parse_instant(f"{field}.ts", sample["ts"])
        except errors.DomainError as exc:
            problems.extend(exc.errors or [errors.FieldError(f"{field}.ts", exc.detail)])
            continue
        assert ts is not None
        good, total = int(sample["good"]), int(sample["total"])
        if good > total:
            problems.append(errors.FieldError(f"{field}.good", f"must not exceed total ({good} > {total})"))
        if ts > now + FUTURE_SKEW:
            problems.append(errors.FieldError(f"{field}.ts", "lies more than 5 minutes in the future"))
        parsed[ts] = (ts, good, total)  # a timestamp repeated within the batch: the last one wins
    if problems:
        raise errors.invalid_argument(
            f"{len(problems)} SLI sample field(s) are invalid; nothing was stored.", problems
        )
    return sorted(parsed.values())


def _require_service(session: Any, tenant_id: str, service_id: str) -> None:
    if store.get(session, tenant_id, service_id) is None:
        raise errors.not_found("Service", service_id)


def record_samples(
    db: Database, ctx: TenantContext, service_id: str, samples: list[dict[str, Any]]
) -> dict[str, Any]:
    rows = _parse(samples, utcnow())
    stamps = [ts for ts, _, _ in rows]
    with db.session() as session:
        _require_service(session, ctx.tenant_id, service_id)
        same_service = (SliSampleRow.tenant_id == ctx.tenant_id, SliSampleRow.service_ref == service_id)
        replaced = 0
        for start in range(0, len(stamps), 500):  # bounded IN lists
            chunk = stamps[start : start + 500]
            deleted = session.execute(delete(SliSampleRow).where(*same_service, SliSampleRow.ts.in_(chunk)))
            replaced += int(getattr(deleted, "rowcount", 0) or 0)  # what the batch replaces, counted once
        session.add_all(
            SliSampleRow(
                id=new_id("sli"),
                tenant_id=ctx.tenant_id,
                service_ref=service_id,
                ts=ts,
                good=good,
                total=total,
            )
            for ts, good, total in rows
        )
    return {
        "service_id": service_id,
        "recorded": len(rows),
        "replaced": replaced,
        "from": stamps[0].isoformat(),
        "to": stamps[-1].isoformat(),
    }


def list_samples(
    db: Database,
    ctx: TenantContext,
    service_id: str,
    *,
    since: str | datetime | None = None,
    until: str | datetime | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    end = parse_instant("until", until) or utcnow()
    start = parse_instant("since", since) or end - DEFAULT_WINDOW
    if start > end:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "must not be after until")]
        )
    # The token binds to the window as asked: a default "now" moves between pages, and may.
    filters = {"service_id": service_id, "since": str(since or ""), "until": str(until or "")}
    with db.session() as session:
        _require_service(session, ctx.tenant_id, service_id)

        def fetch(after: str | None, limit: int) -> list[SliSampleRow]:
            query = tenant_select(SliSampleRow, ctx.tenant_id).where(
                SliSampleRow.service_ref == service_id, SliSampleRow.ts >= start, SliSampleRow.ts <= end
            )
            if after is not None:
                query = query.where(SliSampleRow.ts > datetime.fromisoformat(after))
            return list(session.scalars(query.order_by(SliSampleRow.ts, SliSampleRow.id).limit(limit)))

        page = paginate(
            fetch, key=lambda r: r.ts.isoformat(), page_size=page_size, page_token=page_token, filters=filters
        )
        items = [{"ts": r.ts.isoformat(), "good": r.good, "total": r.total} for r in page.items]
        return Page(items, page.next_page_token)


def sli_percent(session: Any, tenant_id: str, service_id: str, since: datetime) -> float | None:
    """The SLI (percent of good events) since ``since``; None without samples."""
    return sli_percents(session, tenant_id, {service_id: since})[service_id]


def sli_percents(session: Any, tenant_id: str, since: dict[str, datetime]) -> dict[str, float | None]:
    """:func:`sli_percent` for several services (each since its own instant) in one statement.

    Services sharing an instant (the same SLO window) share one ``GROUP BY``; the groups are joined by
    ``UNION ALL``, so a page of services costs one round trip however many windows it mixes.
    """
    found: dict[str, float | None] = dict.fromkeys(since)
    by_instant: dict[datetime, list[str]] = {}
    for service_id, instant in since.items():
        by_instant.setdefault(instant, []).append(service_id)
    selects = [
        select(SliSampleRow.service_ref, func.sum(SliSampleRow.good), func.sum(SliSampleRow.total))
        .where(
            SliSampleRow.tenant_id == tenant_id,
            SliSampleRow.service_ref.in_(ids),
            SliSampleRow.ts >= instant,
        )
        .group_by(SliSampleRow.service_ref)
        for instant, ids in by_instant.items()
    ]
    if not selects:
        return found
    statement = selects[0] if len(selects) == 1 else union_all(*selects)
    for service_id, good, total in session.execute(statement):
        if total:
            found[service_id] = round(100.0 * float(good or 0) / float(total), 4)
    return found
