"""SLI samples pushed for a service: validated as one batch, stored with replace-by-timestamp.

Samples are ``good`` of ``total`` events in a bucket at ``ts``. The service's SLO summary and Maestro's
post-action verification read them; the table belongs to the shared core (``sli_samples``).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, union_all

from companyos_server import errors
from companyos_server.core.maestro.models import SERVICE_WIDE, SliSampleRow
from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.services import store
from companyos_server.platform import rowfiles
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow
from companyos_server.platform.text import text_problem

FUTURE_SKEW = timedelta(minutes=5)
DEFAULT_WINDOW = timedelta(hours=24)
LABELS = ("endpoint", "task", "region", "segment", "sli")
MAX_COUNT = 1_000_000_000_000
MAX_LABEL = 200
MAX_IMPORT_ROWS = 100_000
IMPORT_COLUMNS = frozenset(("ts", "good", "total", *LABELS))
_CHUNK = 500  # bounded IN lists

Parsed = tuple[datetime, int, int, dict[str, str]]


def series_key(labels: dict[str, str]) -> str:
    """The stored key a labelled sample replaces by: a digest of its labels in a canonical order ("" when
    none), a fixed length whatever the labels hold; ``sli:`` in front when the sample measures one SLI
    of several (so SQL can tell the service-wide samples, :data:`SERVICE_WIDE`)."""
    if not labels:
        return ""
    canonical = json.dumps(dict(sorted(labels.items())), separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return f"sli:{digest}" if "sli" in labels else digest


_DIGITS = re.compile(r"[0-9]{1,13}")


def _count(value: Any) -> int | None:
    """A non-negative whole count from JSON (an int) or CSV (ASCII digits); None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if 0 <= number <= MAX_COUNT else None


def _labels(value: Any, problems: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append("labels: must be an object")
        return {}
    labels: dict[str, str] = {}
    for name, label in value.items():
        if name not in LABELS:
            problems.append(f"labels.{name}: unknown label (use {', '.join(LABELS)})")
        elif not isinstance(label, str) or not label or label != label.strip() or len(label) > MAX_LABEL:
            problems.append(f"labels.{name}: must be 1 to {MAX_LABEL} characters without surrounding space")
        elif (problem := text_problem(label)) is not None:
            problems.append(f"labels.{name}: {problem}")
        else:
            labels[name] = label
    return labels


def _check(sample: dict[str, Any], now: datetime) -> tuple[Parsed | None, list[str]]:
    """One sample's problems as ``field: message``, or the parsed sample."""
    problems: list[str] = []
    unknown = sorted(set(sample) - {"ts", "good", "total", "labels"})
    problems += [f"{name}: unknown field" for name in unknown]
    ts: datetime | None = None
    if "ts" not in sample:
        problems.append("ts: missing")
    else:
        try:
            ts = parse_instant("ts", sample["ts"]) if isinstance(sample["ts"], str) else None
        except errors.DomainError as exc:
            problems.append(f"ts: {exc.errors[0].message if exc.errors else exc.detail}")
        else:
            if ts is None:
                problems.append("ts: must be an RFC 3339 date-time")
            elif ts > now + FUTURE_SKEW:
                problems.append("ts: lies more than 5 minutes in the future")
    counts = {}
    for name in ("good", "total"):
        counts[name] = _count(sample.get(name))
        if name not in sample:
            problems.append(f"{name}: missing")
        elif counts[name] is None:
            problems.append(f"{name}: must be a whole number from 0 to {MAX_COUNT:,}")
    good, total = counts["good"], counts["total"]
    if good is not None and total is not None and good > total:
        problems.append(f"good: must not exceed total ({good} > {total})")
    labels = _labels(sample.get("labels"), problems)
    if problems or ts is None or good is None or total is None:
        return None, problems
    return (ts, good, total, labels), []


def _parse(samples: list[dict[str, Any]], now: datetime) -> list[Parsed]:
    """Every sample checked before anything is stored: all field errors at once, or none."""
    problems: list[errors.FieldError] = []
    parsed: dict[tuple[datetime, str], Parsed] = {}
    for i, sample in enumerate(samples):
        found, wrong = _check(sample, now)
        for problem in wrong:
            name, _, message = problem.partition(": ")
            problems.append(errors.FieldError(f"samples[{i}].{name}", message))
        if found:
            parsed[(found[0], series_key(found[3]))] = found  # repeated within the batch: the last wins
    if problems:
        raise errors.invalid_argument(
            f"{len(problems)} SLI sample field(s) are invalid; nothing was stored.", problems
        )
    return sorted(parsed.values(), key=lambda row: (row[0], series_key(row[3])))


def _require_service(session: Any, tenant_id: str, service_id: str) -> None:
    if store.get(session, tenant_id, service_id) is None:
        raise errors.not_found("Service", service_id)


def _store(session: Any, tenant_id: str, service_id: str, rows: list[Parsed]) -> int:
    """Replace what ``rows`` re-send (same ``ts`` and labels) and insert them; the replaced count."""
    by_series: dict[str, list[datetime]] = {}
    for ts, _, _, labels in rows:
        by_series.setdefault(series_key(labels), []).append(ts)
    replaced = 0
    for series, stamps in by_series.items():
        for start in range(0, len(stamps), _CHUNK):
            deleted = session.execute(
                delete(SliSampleRow).where(
                    SliSampleRow.tenant_id == tenant_id,
                    SliSampleRow.service_ref == service_id,
                    SliSampleRow.series == series,
                    SliSampleRow.ts.in_(stamps[start : start + _CHUNK]),
                )
            )
            replaced += int(getattr(deleted, "rowcount", 0) or 0)
    # Core inserts: an import of 100,000 samples would spend seconds building ORM objects.
    session.execute(
        insert(SliSampleRow),
        [
            {
                "id": new_id("sli"),
                "tenant_id": tenant_id,
                "service_ref": service_id,
                "ts": ts,
                "good": good,
                "total": total,
                "labels": labels or None,
                "series": series_key(labels),
            }
            for ts, good, total, labels in rows
        ],
    )
    return replaced


def record_samples(
    db: Database, ctx: TenantContext, service_id: str, samples: list[dict[str, Any]]
) -> dict[str, Any]:
    rows = _parse(samples, utcnow())
    with db.session() as session:
        _require_service(session, ctx.tenant_id, service_id)
        replaced = _store(session, ctx.tenant_id, service_id, rows)
    return {
        "service_id": service_id,
        "recorded": len(rows),
        "replaced": replaced,
        "from": rows[0][0].isoformat(),
        "to": max(row[0] for row in rows).isoformat(),
    }


def _import_row(row: dict[str, Any], fmt: str) -> dict[str, Any]:
    """A CSV row's label columns gathered into ``labels``; other formats are SLI samples already."""
    if fmt != "csv":
        return row
    labels = {name: row.pop(name) for name in LABELS if name in row}
    return {**row, "labels": labels} if labels else row


def import_samples(
    db: Database, ctx: TenantContext, service_id: str, data: bytes, fmt: str
) -> dict[str, Any]:
    """A whole file of samples, validated row by row before any is stored (see :func:`record_samples`)."""
    with db.session() as session:  # an unknown service is a 404 before the file is read
        _require_service(session, ctx.tenant_id, service_id)
    lines = rowfiles.read_rows(data, fmt, columns=IMPORT_COLUMNS, max_rows=MAX_IMPORT_ROWS)
    now = utcnow()
    problems: list[errors.FieldError] = []
    parsed: dict[tuple[datetime, str], Parsed] = {}
    where = "item" if fmt == "json" else "line"
    for line, row in lines:
        found, wrong = _check(_import_row(dict(row), fmt), now)
        problems += [errors.FieldError(f"{where} {line}", problem) for problem in wrong]
        if found:
            parsed[(found[0], series_key(found[3]))] = found
    rowfiles.reject(problems)
    rows = sorted(parsed.values(), key=lambda row: (row[0], series_key(row[3])))
    with db.session() as session:
        _require_service(session, ctx.tenant_id, service_id)
        replaced = _store(session, ctx.tenant_id, service_id, rows)
    return {
        "service_id": service_id,
        "rows": len(lines),
        "recorded": len(rows),
        "replaced": replaced,
        "series": len({series_key(row[3]) for row in rows}),
        "from": rows[0][0].isoformat(),
        "to": rows[-1][0].isoformat(),
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
                # Labelled samples share a ts: the page resumes after the last (ts, id) it gave.
                at, _, last_id = after.partition("|")
                ts = datetime.fromisoformat(at)
                query = query.where(
                    or_(SliSampleRow.ts > ts, and_(SliSampleRow.ts == ts, SliSampleRow.id > last_id))
                )
            return list(session.scalars(query.order_by(SliSampleRow.ts, SliSampleRow.id).limit(limit)))

        page = paginate(
            fetch,
            key=lambda r: f"{r.ts.isoformat()}|{r.id}",
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        items = [
            {
                "ts": r.ts.isoformat(),
                "good": r.good,
                "total": r.total,
                **({"labels": r.labels} if r.labels else {}),
            }
            for r in page.items
        ]
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
            SERVICE_WIDE,
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
