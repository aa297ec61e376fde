"""Alert history: import past occurrences from a file, and list occurrences.

An import loads what the inbox never saw (history from before Alertmanager pointed here, or from another
tool) so SLO Doctor can weigh it. The file is read with :mod:`platform.rowfiles`; every row is checked,
and its service resolved, before anything is written: a bad row refuses the whole file, naming each bad
row by its line (``item`` in a JSON array). Rows are keyed like notifications, by (fingerprint,
starts_at); without a fingerprint one is derived from the alert's name and service, so importing the same
file again updates the same occurrences instead of adding copies.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from companyos_server import errors
from companyos_server.domains.alerts import occurrences, services_ref
from companyos_server.domains.alerts.service import normalize_severity
from companyos_server.platform import rowfiles
from companyos_server.platform.pagination import Page, invalid_page_token, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow
from companyos_server.platform.text import text_problem

IMPORT_COLUMNS = frozenset(("alert_name", "starts_at", "ends_at", "service", "severity", "fingerprint"))
MAX_IMPORT_ROWS = 100_000
MAX_NAME = 200
FUTURE_SKEW = timedelta(minutes=5)  # clocks disagree a little; history does not lie in the future
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_FINGERPRINT = re.compile(r"[\x21-\x7e]{1,64}")


def parse_instant(value: Any) -> datetime | None:
    """An RFC 3339 date-time with its offset, in UTC; None when ``value`` is not one."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value.strip()):
        return None
    text = value.strip()
    text = text[:10] + "T" + text[11:]
    text = text[:-1] + "+00:00" if text[-1] in "zZ" else text
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except (
        ValueError,
        OverflowError,
    ):  # no such day or hour (2026-02-30, 24:00), or past year 1 or 9999 in UTC
        return None


def derived_fingerprint(alert_name: str, service_id: str | None) -> str:
    """Stable across imports of the same alert of the same service (SHA-256, hex)."""
    return hashlib.sha256(f"{alert_name}\x00{service_id or ''}".encode()).hexdigest()


@dataclass
class _Row:
    alert_name: str
    starts_at: datetime
    ends_at: datetime | None
    service: str | None
    severity: str
    fingerprint: str | None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(row: dict[str, Any], name: str, problems: list[str]) -> str | None:
    """An optional text field, stripped; None when absent or blank."""
    value = row.get(name)
    if _blank(value):
        return None
    if not isinstance(value, str):
        problems.append(f"{name}: must be a string")
        return None
    return value.strip()


def _instant(row: dict[str, Any], name: str, now: datetime, problems: list[str]) -> datetime | None:
    if _blank(row.get(name)):
        return None
    at = parse_instant(row[name])
    if at is None:
        problems.append(f"{name}: must be an RFC 3339 date-time with an offset, e.g. 2026-10-02T09:58:00Z")
    elif at > now + FUTURE_SKEW:
        problems.append(f"{name}: lies in the future")
        return None
    return at


def _check(row: dict[str, Any], now: datetime) -> tuple[_Row | None, list[str]]:
    """One row read, or its problems (``field: message``); its service is resolved later."""
    problems = [f"{name}: unknown field" for name in sorted(set(row) - IMPORT_COLUMNS)]
    if _blank(row.get("alert_name")):
        problems.append("alert_name: missing")
    name = _text(row, "alert_name", problems)
    if name is not None and (len(name) > MAX_NAME or text_problem(name)):
        problems.append(f"alert_name: must be 1 to {MAX_NAME} characters without control characters")
    if _blank(row.get("starts_at")):
        problems.append("starts_at: missing")
    start, end = _instant(row, "starts_at", now, problems), _instant(row, "ends_at", now, problems)
    if start is not None and end is not None and end < start:
        problems.append("ends_at: must not be before starts_at")
    service = _text(row, "service", problems)
    if service is not None and (len(service) > MAX_NAME or text_problem(service)):
        problems.append(f"service: must be at most {MAX_NAME} characters without control characters")
        service = None
    severity = _text(row, "severity", problems)
    if severity is not None and text_problem(severity):
        problems.append("severity: must not contain control characters")
        severity = None
    fingerprint = _text(row, "fingerprint", problems)
    if fingerprint is not None and not _FINGERPRINT.fullmatch(fingerprint):
        problems.append("fingerprint: must be 1 to 64 printable characters without spaces")
    if name is None or start is None:
        return None, problems
    return _Row(name, start, end, service, normalize_severity(severity), fingerprint), problems


def import_history(
    db: Database, ctx: TenantContext, data: bytes, fmt: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Every row of the file stored as an occurrence, or none (one transaction); counts and the span."""
    now = now or utcnow()
    lines = rowfiles.read_rows(data, fmt, columns=IMPORT_COLUMNS, max_rows=MAX_IMPORT_ROWS)
    where = "item" if fmt == "json" else "line"
    checked = [(line, *_check(raw, now)) for line, raw in lines]
    with db.session() as session:
        named = {row.service for _, row, _ in checked if row is not None and row.service}
        services = services_ref.resolve_many(session, ctx.tenant_id, named)
        problems: list[errors.FieldError] = []
        rows: dict[tuple[str, datetime], dict[str, Any]] = {}
        for line, row, wrong in checked:
            service = services.get(row.service) if row is not None and row.service else None
            if row is not None and row.service and service is None:
                wrong = [*wrong, f"service: no service {row.service!r} in this tenant"]
            if wrong or row is None:  # one error per bad row, however many of its fields are wrong
                problems.append(errors.FieldError(f"{where} {line}", "; ".join(wrong)))
                continue
            service_id = service.id if service else None
            fingerprint = row.fingerprint or derived_fingerprint(row.alert_name, service_id)
            rows[(fingerprint, row.starts_at)] = {  # the same occurrence twice in one file: the last wins
                "id": new_id("aoc"),
                "tenant_id": ctx.tenant_id,
                "alert_id": None,
                "fingerprint": fingerprint,
                "alert_name": row.alert_name,
                "service_id": service_id,
                "service_name": service.name if service else None,
                "severity": row.severity,
                "starts_at": row.starts_at,
                "ends_at": row.ends_at,
                "source": "import",
                "received_at": now,
            }
        rowfiles.reject(problems)
        stored = occurrences.existing_starts(session, ctx.tenant_id, {fp for fp, _ in rows})
        # An occurrence stored meanwhile (a racing notification) is updated by the upsert all the same,
        # though counted here as imported.
        occurrences.upsert(session, list(rows.values()), "end")
    starts = [start for _, start in rows]
    updated = sum(1 for key in rows if key in stored)
    return {"imported": len(rows) - updated, "updated": updated, "from": min(starts), "to": max(starts)}


# -- reads ----------------------------------------------------------------------------------------
def _query_instant(name: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = parse_instant(value)
    if parsed is None:
        raise errors.invalid_argument(
            f"{name} is not an RFC 3339 date-time with an offset.",
            [
                errors.FieldError(
                    name, "must be an RFC 3339 date-time with an offset, e.g. 2026-10-02T09:58:00Z"
                )
            ],
        )
    return parsed


def _resume(after: str | None) -> tuple[datetime, str] | None:
    if after is None:
        return None
    at, _, ident = after.partition("|")
    try:
        return datetime.fromisoformat(at), ident
    except ValueError:
        raise invalid_page_token("it is not a page token.") from None


def list_occurrences(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    service_id: str | None = None,
    alert_name: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Page[dict[str, Any]]:
    """Newest first (by ``starts_at``); ``since`` ≤ starts_at < ``until``."""
    start, end = _query_instant("since", since), _query_instant("until", until)
    if start is not None and end is not None and start > end:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "must not be after until")]
        )
    filters = {
        "service_id": service_id,
        "alert_name": alert_name,
        "since": start.isoformat() if start else None,
        "until": end.isoformat() if end else None,
    }
    with db.session() as session:
        page = paginate(
            lambda after, limit: occurrences.list_page(
                session,
                ctx.tenant_id,
                after=_resume(after),
                limit=limit,
                service_id=service_id,
                alert_name=alert_name,
                since=start,
                until=end,
            ),
            key=lambda row: f"{row.starts_at.isoformat()}|{row.id}",
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        return Page([occurrences.to_dict(r) for r in page.items], page.next_page_token)
