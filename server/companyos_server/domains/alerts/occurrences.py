"""Alert occurrences: every firing of an alert, each with its own start and end.

The inbox keeps one row per fingerprint (the alert as it is now); SLO Doctor needs the alert's past.
An occurrence is keyed by (tenant, fingerprint, ``starts_at``): Alertmanager re-sends a firing alert
every ``repeat_interval`` with the same ``startsAt`` (the same occurrence again), while an alert that
resolved and fired anew gets a new ``startsAt`` (a new occurrence). Rows come from every Alertmanager
notification (:func:`record_notification`, in the inbox's transaction) and from imports of past
history (``history.py``). Every write is a single INSERT … ON CONFLICT on that key, so notifications
racing each other (or an import) on PostgreSQL neither fail nor duplicate an occurrence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from sqlalchemy import Index, String, Table, UniqueConstraint, and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, new_id, tenant_select

if TYPE_CHECKING:
    from companyos_server.domains.alerts.store import AlertRow

SOURCES = ("alertmanager", "import")
_CHUNK = 500  # bounded IN lists and statements


class AlertOccurrenceRow(TenantOwned, Base):
    """One firing of an alert: (tenant, fingerprint, starts_at) is unique."""

    __tablename__ = "alert_occurrences"
    __table_args__ = (
        UniqueConstraint("tenant_id", "fingerprint", "starts_at", name="uq_alert_occurrences_firing"),
        Index("ix_alert_occurrences_starts", "tenant_id", "starts_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    # The inbox row when the occurrence came from Alertmanager; imported history has none.
    alert_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    alert_name: Mapped[str] = mapped_column(String(200), nullable=False)
    service_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    service_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    severity: Mapped[str] = mapped_column(String(20), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # alertmanager | import
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


@dataclass(frozen=True)
class Occurrence:
    """What SLO Doctor reads of an occurrence (``ends_at`` None: still firing)."""

    alert_name: str
    starts_at: datetime
    ends_at: datetime | None
    source: str


# What an upsert does to an occurrence that exists: ``keep`` it; ``end`` it at the new ``ends_at`` when
# one is given (a given end wins: it is the alert's own); ``fill`` its ``ends_at`` only while it has none.
OnConflict = Literal["keep", "end", "fill"]


def upsert(session: Session, rows: Sequence[dict[str, Any]], on_conflict: OnConflict) -> None:
    """Insert each occurrence unless its (tenant, fingerprint, starts_at) is stored; then ``on_conflict``."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise RuntimeError(f"alert occurrences need PostgreSQL or SQLite, not {dialect}")
    table = cast(Table, AlertOccurrenceRow.__table__)
    stmt: Any = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    keys = [table.c.tenant_id, table.c.fingerprint, table.c.starts_at]
    if on_conflict == "keep":
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    else:
        new, old = stmt.excluded.ends_at, table.c.ends_at
        ends = func.coalesce(new, old) if on_conflict == "end" else func.coalesce(old, new)
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_={"ends_at": ends})
    for start in range(0, len(rows), _CHUNK):
        session.execute(stmt, list(rows[start : start + _CHUNK]))


def record_notification(
    session: Session,
    alert: AlertRow,
    *,
    starts_at: datetime,
    ends_at: datetime | None,
    resolved: bool,
    end_given: bool,
    now: datetime,
) -> None:
    """The occurrence an Alertmanager alert names: created when new; a resolved alert ends it (created
    ended when its firing was never seen). A repeat of a firing alert changes nothing."""
    if resolved:
        ends_at = max(ends_at or now, starts_at)  # clocks disagree: never an end before the start
    row = {
        "id": new_id("aoc"),
        "tenant_id": alert.tenant_id,
        "alert_id": alert.id,
        "fingerprint": alert.fingerprint,
        "alert_name": alert.name,
        "service_id": alert.service_id,
        "service_name": alert.service_name,
        "severity": alert.severity,
        "starts_at": starts_at,
        "ends_at": ends_at if resolved else None,
        "source": "alertmanager",
        "received_at": now,
    }
    # Without an endsAt of its own, a re-sent resolution must not move the end an earlier one recorded.
    upsert(session, [row], "keep" if not resolved else "end" if end_given else "fill")
    # A firing with a new start means every earlier firing of the alert is over, whether or not its
    # resolution ever arrived (``send_resolved: false``, a lost notification): left open, one would look
    # like an alert firing for the rest of time.
    session.execute(
        update(AlertOccurrenceRow)
        .where(
            AlertOccurrenceRow.tenant_id == alert.tenant_id,
            AlertOccurrenceRow.fingerprint == alert.fingerprint,
            AlertOccurrenceRow.starts_at < starts_at,
            AlertOccurrenceRow.ends_at.is_(None),
        )
        .values(ends_at=starts_at)
    )


def existing_starts(session: Session, tenant_id: str, fingerprints: set[str]) -> set[tuple[str, datetime]]:
    """The stored (fingerprint, starts_at) keys of these fingerprints."""
    found: set[tuple[str, datetime]] = set()
    ordered = sorted(fingerprints)
    for start in range(0, len(ordered), _CHUNK):
        query = select(AlertOccurrenceRow.fingerprint, AlertOccurrenceRow.starts_at).where(
            AlertOccurrenceRow.tenant_id == tenant_id,
            AlertOccurrenceRow.fingerprint.in_(ordered[start : start + _CHUNK]),
        )
        found.update((fp, at) for fp, at in session.execute(query))
    return found


def list_page(
    session: Session,
    tenant_id: str,
    *,
    after: tuple[datetime, str] | None,
    limit: int,
    service_id: str | None = None,
    alert_name: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AlertOccurrenceRow]:
    """Newest first: by ``starts_at``, then id (both descending), resuming after ``after``."""
    row = AlertOccurrenceRow
    query = tenant_select(row, tenant_id).order_by(row.starts_at.desc(), row.id.desc()).limit(limit)
    if after is not None:
        at, ident = after
        query = query.where(or_(row.starts_at < at, and_(row.starts_at == at, row.id < ident)))
    if service_id:
        query = query.where(row.service_id == service_id)
    if alert_name:
        query = query.where(row.alert_name == alert_name)
    if since is not None:
        query = query.where(row.starts_at >= since)
    if until is not None:
        query = query.where(row.starts_at < until)
    return list(session.scalars(query))


def for_service(
    session: Session, tenant_id: str, service_id: str, since: datetime, until: datetime
) -> list[Occurrence]:
    """Every occurrence of the service that overlaps [since, until), oldest first (one query).

    Overlapping: it started before ``until`` and was still firing after ``since`` (an open one still
    is), or it started inside the window (an instantaneous one counts there too)."""
    row = AlertOccurrenceRow
    query = (
        select(row.alert_name, row.starts_at, row.ends_at, row.source)
        .where(row.tenant_id == tenant_id, row.service_id == service_id, row.starts_at < until)
        .where(or_(row.ends_at.is_(None), row.ends_at > since, row.starts_at >= since))
        .order_by(row.starts_at, row.id)
    )
    return [Occurrence(name, start, end, source) for name, start, end, source in session.execute(query)]


def to_dict(row: AlertOccurrenceRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "alert_id": row.alert_id,
        "fingerprint": row.fingerprint,
        "alert_name": row.alert_name,
        "service_id": row.service_id,
        "service": row.service_name,
        "severity": row.severity,
        "starts_at": row.starts_at,
        "ends_at": row.ends_at,
        "source": row.source,
        "received_at": row.received_at,
    }
